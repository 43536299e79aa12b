using System.Linq;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>list_tables and get_table, with libsinsp's results and messages.</summary>
public sealed unsafe class RegistryTests
{
    [Fact]
    public void List_tables_reports_the_threads_table_with_an_int64_key()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);

        Assert.Equal([("threads", TableAbi.Int64)], client.ListTables());
    }

    [Fact]
    public void List_tables_includes_tables_added_by_plugins_and_the_host_lists_who_added_them()
    {
        using var host = new PluginHost();
        using var exported = new ExportedTable("exported");
        using var owner = new TablesClient(host, "owner");
        TableInput* input = exported.NewInput();
        Assert.Equal(TableAbi.Success, owner.TryAddTable(input));
        ExportedTable.FreeInput(input);
        using var client = new TablesClient(host);

        Assert.Equal([("threads", TableAbi.Int64), ("exported", TableAbi.UInt64)], client.ListTables());
        Assert.Equal([new StateTableInfo("threads", StateType.Int64, null), new StateTableInfo("exported", StateType.UInt64, "owner")], host.Tables);
    }

    [Fact]
    public void Get_table_of_an_unknown_name_returns_NULL_without_an_error()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);

        Assert.True(client.TryGetTable("containers", TableAbi.String) is null);
        Assert.Null(client.OwnerError);
    }

    [Theory]
    [InlineData(TableAbi.UInt64, "uint64")]
    [InlineData(TableAbi.Int32, "int32")]
    [InlineData(TableAbi.String, "string")]
    [InlineData(TableAbi.Table, "table")]
    [InlineData(TableAbi.Bool, "bool")]
    public void Get_table_with_the_wrong_key_type_returns_NULL_and_says_which_types(uint keyType, string name)
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);

        Assert.True(client.TryGetTable("threads", keyType) is null);
        Assert.Equal($"table in registry accessed with wrong key type: table='threads', requested='{name}', actual='int64'", client.OwnerError);
    }

    [Fact]
    public void Get_table_with_a_number_that_is_no_state_type_fails()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);

        Assert.True(client.TryGetTable("threads", 99) is null);
        Assert.Equal("can't convert plugin state type to typeinfo: 99", client.OwnerError);
    }

    [Fact]
    public void Get_table_gives_one_plugin_the_same_handle_every_time_and_other_plugins_their_own()
    {
        using var host = new PluginHost();
        using var first = new TablesClient(host, "first");
        using var second = new TablesClient(host, "second");

        TableInput* once = first.GetTable("threads", TableAbi.Int64);
        TableInput* twice = first.GetTable("threads", TableAbi.Int64);
        TableInput* other = second.GetTable("threads", TableAbi.Int64);

        Assert.True(once == twice);
        Assert.True(once != other);
    }

    [Fact]
    public void The_list_tables_array_stays_valid_until_the_next_call()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);
        uint count = 0;
        TableInfo* infos = TablesClient.Init->ListTables(client.Owner, &count);
        string?[] names = Enumerable.Range(0, (int)count).Select(i => TablesClient.Str(infos[i].Name)).ToArray();

        client.GetTable("threads", TableAbi.Int64);

        Assert.Equal(names, Enumerable.Range(0, (int)count).Select(i => TablesClient.Str(infos[i].Name)).ToArray());
    }
}

using System.Linq;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>list_table_fields, get_table_field and add_table_field on the threads table, with libsinsp's messages.</summary>
public sealed unsafe class ThreadFieldTests : System.IDisposable
{
    private readonly PluginHost _host = new();
    private readonly TablesClient _client;
    private readonly TableInput* _threads;

    public ThreadFieldTests()
    {
        _client = new TablesClient(_host);
        _threads = _client.GetTable("threads", TableAbi.Int64);
    }

    [Fact]
    public void The_threads_table_lists_libsinsps_static_fields_with_their_types_and_read_only_flags()
    {
        var fields = _client.ListFields(_threads).ToDictionary(field => field.Name, field => (field.Type, field.ReadOnly));

        Assert.Equal((TableAbi.Int64, false), fields["tid"]);
        Assert.Equal((TableAbi.Int64, false), fields["pid"]);
        Assert.Equal((TableAbi.Int64, false), fields["ptid"]);
        Assert.Equal((TableAbi.Int64, false), fields["reaper_tid"]);
        Assert.Equal((TableAbi.Int64, false), fields["sid"]);
        Assert.Equal((TableAbi.String, false), fields["comm"]);
        Assert.Equal((TableAbi.String, false), fields["exe"]);
        Assert.Equal((TableAbi.String, false), fields["exe_path"]);
        Assert.Equal((TableAbi.Bool, false), fields["exe_writable"]);
        Assert.Equal((TableAbi.UInt32, false), fields["flags"]);
        Assert.Equal((TableAbi.Int64, false), fields["fd_limit"]);
        Assert.Equal((TableAbi.UInt32, false), fields["uid"]);
        Assert.Equal((TableAbi.UInt32, false), fields["gid"]);
        Assert.Equal((TableAbi.UInt32, false), fields["loginuid"]);
        Assert.Equal((TableAbi.Int64, false), fields["vtid"]);
        Assert.Equal((TableAbi.Int64, false), fields["vpid"]);
        Assert.Equal((TableAbi.Int64, false), fields["vpgid"]);
        Assert.Equal((TableAbi.Int64, false), fields["pgid"]);
        Assert.Equal((TableAbi.String, false), fields["root"]);
        Assert.Equal((TableAbi.UInt32, false), fields["tty"]);
        Assert.Equal((TableAbi.String, true), fields["cwd"]);
        Assert.Equal((TableAbi.Table, true), fields["file_descriptors"]);
        Assert.Equal((TableAbi.Table, true), fields["args"]);
    }

    [Fact]
    public void Get_table_field_with_the_wrong_type_of_a_static_field_fails()
    {
        Assert.True(_client.TryGetField(_threads, "comm", TableAbi.Int64) is null);
        Assert.Equal("incompatible data types for static field: comm", _client.OwnerError);
    }

    [Fact]
    public void Get_table_field_with_the_wrong_type_of_a_dynamic_field_fails()
    {
        _client.AddField(_threads, "container_id", TableAbi.String);

        Assert.True(_client.TryGetField(_threads, "container_id", TableAbi.UInt64) is null);
        Assert.Equal("incompatible data types for dynamic field: container_id", _client.OwnerError);
    }

    [Fact]
    public void Get_table_field_of_an_unknown_field_fails()
    {
        Assert.True(_client.TryGetField(_threads, "exepath", TableAbi.String) is null);
        Assert.Equal("undefined field 'exepath' in table 'threads'", _client.OwnerError);
    }

    [Fact]
    public void Field_handles_are_stable_for_the_plugin()
    {
        Assert.True(_client.GetField(_threads, "comm", TableAbi.String) == _client.GetField(_threads, "comm", TableAbi.String));
    }

    [Fact]
    public void Adding_a_dynamic_field_again_with_the_same_type_gives_the_same_field_even_to_another_plugin()
    {
        using var other = new TablesClient(_host, "other");
        TableInput* otherThreads = other.GetTable("threads", TableAbi.Int64);
        _host.Threads.Add(7, comm: "bash");
        void* mine = _client.AddField(_threads, "pod_uid", TableAbi.String);
        void* theirs = other.AddField(otherThreads, "pod_uid", TableAbi.String);

        _client.WriteString(_threads, _client.GetEntry(_threads, 7L), mine, "pod-1");

        Assert.True(mine == _client.AddField(_threads, "pod_uid", TableAbi.String));
        Assert.Equal("pod-1", other.ReadString(otherThreads, other.GetEntry(otherThreads, 7L), theirs));
    }

    [Fact]
    public void Adding_a_dynamic_field_with_another_type_fails()
    {
        _client.AddField(_threads, "category", TableAbi.UInt16);

        Assert.True(_client.TryAddField(_threads, "category", TableAbi.String) is null);
        Assert.Equal("multiple definitions of dynamic field with different types in struct: category, prevtype=uint16, newtype=string", _client.OwnerError);
    }

    [Fact]
    public void Adding_a_dynamic_field_named_like_a_static_one_fails()
    {
        Assert.True(_client.TryAddField(_threads, "comm", TableAbi.String) is null);
        Assert.Equal("can't add dynamic field already defined as static: comm", _client.OwnerError);
    }

    [Fact]
    public void Adding_a_dynamic_field_of_type_table_fails()
    {
        Assert.True(_client.TryAddField(_threads, "children", TableAbi.Table) is null);
        Assert.Equal("can't add dynamic field of type table: children", _client.OwnerError);
    }

    [Fact]
    public void Dynamic_fields_are_listed_after_the_static_ones_and_are_writable()
    {
        _client.AddField(_threads, "b_field", TableAbi.Bool);
        _client.AddField(_threads, "a_field", TableAbi.UInt64);

        var fields = _client.ListFields(_threads);

        Assert.Equal([("b_field", TableAbi.Bool, false), ("a_field", TableAbi.UInt64, false)], fields.TakeLast(2));
        Assert.Equal("cwd", fields[^3].Name);
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }
}

using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>What a plugin finds in <c>ss_plugin_init_tables_input</c> and in the table handles it gets, as libsinsp 3.10+ fills them.</summary>
public sealed unsafe class InitTablesInputTests
{
    [Fact]
    public void Every_function_and_vtable_of_the_init_tables_input_is_set()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);
        InitTablesInput* init = TablesClient.Init;

        Assert.True(init->ListTables is not null);
        Assert.True(init->GetTable is not null);
        Assert.True(init->AddTable is not null);
        Assert.True(init->FieldsExt is not null);
        Assert.True(init->ReaderExt is not null);
        Assert.True(init->WriterExt is not null);
        Assert.True(init->ReaderExt->IterateEntries is not null && init->ReaderExt->ReleaseTableEntry is not null);
        Assert.True(init->WriterExt->WriteEntryField is not null);
    }

    [Fact]
    public void The_deprecated_fields_vtable_holds_the_same_functions_as_fields_ext()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);
        InitTablesInput* init = TablesClient.Init;

        Assert.Equal((nint)init->Fields.ListTableFields, (nint)init->FieldsExt->ListTableFields);
        Assert.Equal((nint)init->Fields.GetTableField, (nint)init->FieldsExt->GetTableField);
        Assert.Equal((nint)init->Fields.AddTableField, (nint)init->FieldsExt->AddTableField);
    }

    [Fact]
    public void A_table_handle_is_an_input_whose_own_vtables_serve_its_table_pointer()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);
        TableInput* threads = client.GetTable("threads", TableAbi.Int64);

        Assert.Equal("threads", TablesClient.Str(threads->Name));
        Assert.Equal(TableAbi.Int64, threads->KeyType);
        // Called directly, without the dispatchers, as a plugin holding the struct may.
        Assert.Equal("threads", TablesClient.Str(threads->ReaderExt->GetTableName(threads->Table)));
        Assert.NotEqual((nint)threads->ReaderExt->GetTableName, (nint)TablesClient.Reader->GetTableName);
        Assert.Equal((nint)threads->Reader.GetTableEntry, (nint)threads->ReaderExt->GetTableEntry);
        Assert.Equal((nint)threads->Writer.WriteEntryField, (nint)threads->WriterExt->WriteEntryField);
        Assert.Equal((nint)threads->Fields.AddTableField, (nint)threads->FieldsExt->AddTableField);
    }

    [Fact]
    public void The_get_owner_last_error_of_a_fresh_plugin_returns_NULL()
    {
        using var host = new PluginHost();
        using var client = new TablesClient(host);

        Assert.Null(client.OwnerError);
    }
}

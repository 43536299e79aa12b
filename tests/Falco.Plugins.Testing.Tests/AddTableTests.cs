using System.Linq;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>add_table's checks (libsinsp's copy_and_check_table_input) and its copy of the input.</summary>
public sealed unsafe class AddTableTests : System.IDisposable
{
    private const string Prefix = "failure in adding state table defined by plugin 'exporter': ";
    private readonly PluginHost _host = new();
    private readonly ExportedTable _exported = new("exported");
    private readonly TablesClient _exporter;

    public AddTableTests() => _exporter = new TablesClient(_host, "exporter");

    [Fact]
    public void A_null_input_is_refused()
    {
        Assert.Equal(TableAbi.Failure, _exporter.TryAddTable(null));
        Assert.Equal(Prefix + "input is null", _exporter.OwnerError);
    }

    [Fact]
    public void A_null_name_is_refused()
    {
        Assert.Equal(Prefix + "name is null", Refusal(input => input->Name = null));
    }

    [Fact]
    public void A_key_type_that_is_no_state_type_is_refused()
    {
        Assert.Equal("can't convert plugin state type to typeinfo: 77", Refusal(input => input->KeyType = 77));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_ext_vtable_must_be_given(int missing)
    {
        string? error = Refusal(input =>
        {
            switch (missing)
            {
                case 0: input->ReaderExt = null; break;
                case 1: input->WriterExt = null; break;
                default: input->FieldsExt = null; break;
            }
        });

        Assert.Equal(Prefix + "extended vtables must all be defined", error);
    }

    [Fact]
    public void A_deprecated_reader_function_that_differs_from_its_ext_twin_is_refused()
    {
        Assert.Equal(Prefix + "broken or inconsistent reader vtables", Refusal(input => input->Reader.GetTableSize = null));
    }

    [Fact]
    public void A_missing_ext_only_reader_function_is_refused()
    {
        using var copy = new VtableCopy(_exported);
        copy.Reader->IterateEntries = null;

        Assert.Equal(Prefix + "broken or inconsistent reader vtables", Refusal(input => input->ReaderExt = copy.Reader));
    }

    [Fact]
    public void A_deprecated_writer_function_that_differs_from_its_ext_twin_is_refused()
    {
        Assert.Equal(Prefix + "broken or inconsistent writer vtables", Refusal(input => input->Writer.AddTableEntry = null));
    }

    [Fact]
    public void A_null_writer_function_in_both_vtables_is_refused()
    {
        using var copy = new VtableCopy(_exported);
        copy.Writer->ClearTable = null;

        Assert.Equal(Prefix + "broken or inconsistent writer vtables", Refusal(input =>
        {
            input->WriterExt = copy.Writer;
            input->Writer.ClearTable = null;
        }));
    }

    [Fact]
    public void A_deprecated_fields_function_that_differs_from_its_ext_twin_is_refused()
    {
        Assert.Equal(Prefix + "broken or inconsistent fields vtables", Refusal(input => input->Fields.GetTableField = input->FieldsExt->AddTableField));
    }

    [Fact]
    public void A_second_table_of_the_same_name_is_refused_even_the_built_in_threads()
    {
        Assert.Equal(TableAbi.Success, Add(_ => { }));

        Assert.Equal(TableAbi.Failure, Add(_ => { }));
        Assert.Equal("table added to registry multiple times: exported", _exporter.OwnerError);
        using var threads = new Utf8("threads");
        Assert.Equal(TableAbi.Failure, Add(input => input->Name = threads.Pointer));
        Assert.Equal("table added to registry multiple times: threads", _exporter.OwnerError);
    }

    [Fact]
    public void The_host_copies_the_input_and_the_vtables_so_the_plugin_may_free_them()
    {
        Assert.Equal(TableAbi.Success, Add(_ => { }));
        _exported.FreeVtables();
        _exported.Rows[7] = new ExportedTable.Row { Count = 3 };
        using var client = new TablesClient(_host);

        TableInput* table = client.GetTable("exported", TableAbi.UInt64);

        Assert.Equal(1UL, client.Size(table));
        Assert.Equal("exported", client.TableName(table));
    }

    [Fact]
    public void A_plugin_requiring_api_3_0_gets_ext_vtables_rebuilt_from_the_old_ones_with_a_no_op_iteration()
    {
        using var old = new TablesClient(_host, "old", requiredApiMinor: 0);
        TableInput* input = _exported.NewInput();
        input->ReaderExt = null;
        input->WriterExt = null;
        input->FieldsExt = null;
        Assert.Equal(TableAbi.Success, old.TryAddTable(input));
        ExportedTable.FreeInput(input);
        _exported.Rows[1] = new ExportedTable.Row();
        using var client = new TablesClient(_host);
        TableInput* table = client.GetTable("exported", TableAbi.UInt64);

        Assert.Equal(1UL, client.Size(table));
        Assert.Equal(0u, Iteration.Run(TablesClient.Reader, table, _ => true));
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _host.Dispose();
        _exported.Dispose();
    }

    private int Add(Mutation change)
    {
        TableInput* input = _exported.NewInput();
        try
        {
            change(input);
            return _exporter.TryAddTable(input);
        }
        finally
        {
            ExportedTable.FreeInput(input);
        }
    }

    private string? Refusal(Mutation change)
    {
        Assert.Equal(TableAbi.Failure, Add(change));
        Assert.DoesNotContain("exported", _host.Tables.Select(table => table.Name));
        return _exporter.OwnerError;
    }

    private delegate void Mutation(TableInput* input);

    /// <summary>Writable copies of the exported table's ext vtables.</summary>
    private sealed class VtableCopy : System.IDisposable
    {
        public VtableCopy(ExportedTable table)
        {
            Reader = (ReaderExt*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)sizeof(ReaderExt));
            *Reader = *table.ReaderExtBlock;
            Writer = (WriterExt*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)sizeof(WriterExt));
            *Writer = *table.WriterExtBlock;
        }

        public ReaderExt* Reader { get; }

        public WriterExt* Writer { get; }

        public void Dispose()
        {
            System.Runtime.InteropServices.NativeMemory.Free(Reader);
            System.Runtime.InteropServices.NativeMemory.Free(Writer);
        }
    }
}

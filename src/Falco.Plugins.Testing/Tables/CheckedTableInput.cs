using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// What add_table keeps of a plugin's <c>ss_plugin_table_input</c> after libsinsp's checks
/// (copy_and_check_table_input): the name pointer, the table pointer and copies of the three
/// _ext vtables, so the plugin may free its own structs once add_table returns.
/// </summary>
internal readonly unsafe struct CheckedTableInput
{
    private CheckedTableInput(TableInput* input, TableReaderVtableExt reader, TableWriterVtableExt writer, TableFieldsVtableExt fields)
    {
        Name = input->Name;
        KeyType = input->KeyType;
        Table = input->Table;
        Reader = reader;
        Writer = writer;
        Fields = fields;
    }

    public byte* Name { get; }

    public StateType KeyType { get; }

    public void* Table { get; }

    public TableReaderVtableExt Reader { get; }

    public TableWriterVtableExt Writer { get; }

    public TableFieldsVtableExt Fields { get; }

    /// <summary>Checks <paramref name="input"/> like libsinsp and copies it.</summary>
    /// <param name="pluginName">The adding plugin, for the message prefix.</param>
    /// <param name="requiredApiMinor">The minor of the API version the plugin requires: before 3.1 the _ext vtables are rebuilt from the old ones.</param>
    /// <param name="input">What the plugin passed.</param>
    public static CheckedTableInput From(string pluginName, uint requiredApiMinor, TableInput* input)
    {
        string prefix = $"failure in adding state table defined by plugin '{pluginName}': ";
        if (input is null)
        {
            throw new TableApiException(prefix + "input is null");
        }

        StateTypeNames.RequireKnown(input->KeyType);
        if (input->Name is null)
        {
            throw new TableApiException(prefix + "name is null");
        }

        TableReaderVtableExt reader;
        TableWriterVtableExt writer;
        TableFieldsVtableExt fields;
        if (requiredApiMinor < 1)
        {
            reader = Rebuilt(input->Reader);
            writer = Rebuilt(input->Writer);
            fields = Rebuilt(input->Fields);
        }
        else
        {
            if (input->ReaderExt is null || input->WriterExt is null || input->FieldsExt is null)
            {
                throw new TableApiException(prefix + "extended vtables must all be defined");
            }

            reader = *input->ReaderExt;
            writer = *input->WriterExt;
            fields = *input->FieldsExt;
        }

        if (!Consistent(reader, input->Reader))
        {
            throw new TableApiException(prefix + "broken or inconsistent reader vtables");
        }

        if (!Consistent(writer, input->Writer))
        {
            throw new TableApiException(prefix + "broken or inconsistent writer vtables");
        }

        if (!Consistent(fields, input->Fields))
        {
            throw new TableApiException(prefix + "broken or inconsistent fields vtables");
        }

        return new CheckedTableInput(input, reader, writer, fields);
    }

    /// <summary>Every function present, and each old by-value function the same as its _ext twin.</summary>
    private static bool Consistent(in TableReaderVtableExt ext, in TableReaderVtable old) =>
        Same(ext.GetTableName, old.GetTableName)
        && Same(ext.GetTableSize, old.GetTableSize)
        && Same(ext.GetTableEntry, old.GetTableEntry)
        && Same(ext.ReadEntryField, old.ReadEntryField)
        && ext.ReleaseTableEntry is not null
        && ext.IterateEntries is not null;

    private static bool Consistent(in TableWriterVtableExt ext, in TableWriterVtable old) =>
        Same(ext.ClearTable, old.ClearTable)
        && Same(ext.EraseTableEntry, old.EraseTableEntry)
        && Same(ext.CreateTableEntry, old.CreateTableEntry)
        && Same(ext.DestroyTableEntry, old.DestroyTableEntry)
        && Same(ext.AddTableEntry, old.AddTableEntry)
        && Same(ext.WriteEntryField, old.WriteEntryField);

    private static bool Consistent(in TableFieldsVtableExt ext, in TableFieldsVtable old) =>
        Same(ext.ListTableFields, old.ListTableFields)
        && Same(ext.GetTableField, old.GetTableField)
        && Same(ext.AddTableField, old.AddTableField);

    private static bool Same(void* ext, void* old) => ext is not null && ext == old;

    private static TableReaderVtableExt Rebuilt(in TableReaderVtable old) => new()
    {
        GetTableName = old.GetTableName,
        GetTableSize = old.GetTableSize,
        GetTableEntry = old.GetTableEntry,
        ReadEntryField = old.ReadEntryField,
        ReleaseTableEntry = &NoopRelease,
        IterateEntries = &NoopIterate,
    };

    private static TableWriterVtableExt Rebuilt(in TableWriterVtable old) => new()
    {
        ClearTable = old.ClearTable,
        EraseTableEntry = old.EraseTableEntry,
        CreateTableEntry = old.CreateTableEntry,
        DestroyTableEntry = old.DestroyTableEntry,
        AddTableEntry = old.AddTableEntry,
        WriteEntryField = old.WriteEntryField,
    };

    private static TableFieldsVtableExt Rebuilt(in TableFieldsVtable old) => new()
    {
        ListTableFields = old.ListTableFields,
        GetTableField = old.GetTableField,
        AddTableField = old.AddTableField,
    };

    /// <summary>libsinsp's stand-in release for tables of 3.0 plugins.</summary>
    [UnmanagedCallersOnly]
    private static void NoopRelease(void* table, void* entry)
    {
    }

    /// <summary>libsinsp's stand-in iterate for tables of 3.0 plugins: visits nothing, reports failure.</summary>
    [UnmanagedCallersOnly]
    private static uint NoopIterate(void* table, delegate* unmanaged<void*, void*, uint> iterator, void* state) => 0;
}

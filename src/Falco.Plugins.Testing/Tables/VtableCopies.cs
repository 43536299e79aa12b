using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// The deprecated by-value vtables, filled with the same functions as the _ext ones, as
/// libsinsp fills them (and as its own add_table check demands of plugins).
/// </summary>
internal static unsafe class VtableCopies
{
    public static TableReaderVtable Reader(TableReaderVtableExt* ext) => new()
    {
        GetTableName = ext->GetTableName,
        GetTableSize = ext->GetTableSize,
        GetTableEntry = ext->GetTableEntry,
        ReadEntryField = ext->ReadEntryField,
    };

    public static TableWriterVtable Writer(TableWriterVtableExt* ext) => new()
    {
        ClearTable = ext->ClearTable,
        EraseTableEntry = ext->EraseTableEntry,
        CreateTableEntry = ext->CreateTableEntry,
        DestroyTableEntry = ext->DestroyTableEntry,
        AddTableEntry = ext->AddTableEntry,
        WriteEntryField = ext->WriteEntryField,
    };

    public static TableFieldsVtable Fields(TableFieldsVtableExt* ext) => new()
    {
        ListTableFields = ext->ListTableFields,
        GetTableField = ext->GetTableField,
        AddTableField = ext->AddTableField,
    };
}

using System.Runtime.InteropServices;

namespace Falco.Plugins.Abi;

/// <summary><c>ss_plugin_state_data</c>: an 8-byte union holding one key or field value.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal unsafe struct StateData
{
    [FieldOffset(0)] public sbyte S8;
    [FieldOffset(0)] public short S16;
    [FieldOffset(0)] public int S32;
    [FieldOffset(0)] public long S64;
    [FieldOffset(0)] public byte U8;
    [FieldOffset(0)] public ushort U16;
    [FieldOffset(0)] public uint U32;
    [FieldOffset(0)] public ulong U64;
    [FieldOffset(0)] public byte* Str;
    [FieldOffset(0)] public uint B;
    [FieldOffset(0)] public void* Table;
}

/// <summary><c>ss_plugin_table_info</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableInfo
{
    public byte* Name;
    public StateType KeyType;
}

/// <summary><c>ss_plugin_table_fieldinfo</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableFieldInfo
{
    public byte* Name;
    public StateType FieldType;
    public uint ReadOnly;
}

/// <summary><c>ss_plugin_table_fields_vtable</c> (deprecated since 3.1, still laid out inline).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableFieldsVtable
{
    public delegate* unmanaged<void*, uint*, TableFieldInfo*> ListTableFields;
    public delegate* unmanaged<void*, byte*, StateType, void*> GetTableField;
    public delegate* unmanaged<void*, byte*, StateType, void*> AddTableField;
}

/// <summary><c>ss_plugin_table_fields_vtable_ext</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableFieldsVtableExt
{
    public delegate* unmanaged<void*, uint*, TableFieldInfo*> ListTableFields;
    public delegate* unmanaged<void*, byte*, StateType, void*> GetTableField;
    public delegate* unmanaged<void*, byte*, StateType, void*> AddTableField;
}

/// <summary><c>ss_plugin_table_reader_vtable</c> (deprecated since 3.1, still laid out inline).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableReaderVtable
{
    public delegate* unmanaged<void*, byte*> GetTableName;
    public delegate* unmanaged<void*, ulong> GetTableSize;
    public delegate* unmanaged<void*, StateData*, void*> GetTableEntry;
    public delegate* unmanaged<void*, void*, void*, StateData*, PluginRc> ReadEntryField;
}

/// <summary><c>ss_plugin_table_reader_vtable_ext</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableReaderVtableExt
{
    public delegate* unmanaged<void*, byte*> GetTableName;
    public delegate* unmanaged<void*, ulong> GetTableSize;
    public delegate* unmanaged<void*, StateData*, void*> GetTableEntry;
    public delegate* unmanaged<void*, void*, void*, StateData*, PluginRc> ReadEntryField;
    public delegate* unmanaged<void*, void*, void> ReleaseTableEntry;

    /// <summary>Takes the table, an iterator <c>ss_plugin_bool (*)(state, entry)</c> and its state.</summary>
    public delegate* unmanaged<void*, delegate* unmanaged<void*, void*, uint>, void*, uint> IterateEntries;
}

/// <summary><c>ss_plugin_table_writer_vtable</c> (deprecated since 3.1, still laid out inline).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableWriterVtable
{
    public delegate* unmanaged<void*, PluginRc> ClearTable;
    public delegate* unmanaged<void*, StateData*, PluginRc> EraseTableEntry;
    public delegate* unmanaged<void*, void*> CreateTableEntry;
    public delegate* unmanaged<void*, void*, void> DestroyTableEntry;
    public delegate* unmanaged<void*, StateData*, void*, void*> AddTableEntry;
    public delegate* unmanaged<void*, void*, void*, StateData*, PluginRc> WriteEntryField;
}

/// <summary><c>ss_plugin_table_writer_vtable_ext</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableWriterVtableExt
{
    public delegate* unmanaged<void*, PluginRc> ClearTable;
    public delegate* unmanaged<void*, StateData*, PluginRc> EraseTableEntry;
    public delegate* unmanaged<void*, void*> CreateTableEntry;
    public delegate* unmanaged<void*, void*, void> DestroyTableEntry;
    public delegate* unmanaged<void*, StateData*, void*, void*> AddTableEntry;
    public delegate* unmanaged<void*, void*, void*, StateData*, PluginRc> WriteEntryField;
}

/// <summary><c>ss_plugin_table_input</c>: what a plugin passes to <c>add_table</c> (152 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TableInput
{
    public byte* Name;
    public StateType KeyType;
    public void* Table;
    public TableReaderVtable Reader;
    public TableWriterVtable Writer;
    public TableFieldsVtable Fields;
    public TableReaderVtableExt* ReaderExt;
    public TableWriterVtableExt* WriterExt;
    public TableFieldsVtableExt* FieldsExt;
}

/// <summary><c>ss_plugin_init_tables_input</c> (72 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct InitTablesInput
{
    public delegate* unmanaged<void*, uint*, TableInfo*> ListTables;
    public delegate* unmanaged<void*, byte*, StateType, void*> GetTable;
    public delegate* unmanaged<void*, TableInput*, PluginRc> AddTable;
    public TableFieldsVtable Fields;
    public TableFieldsVtableExt* FieldsExt;
    public TableReaderVtableExt* ReaderExt;
    public TableWriterVtableExt* WriterExt;
}

using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

// The plugin API's table structs, declared here independently of the SDK so that the tests
// read what the host hands out the way a C plugin would (plugin_api.h / plugin_types.h).

/// <summary><c>ss_plugin_state_data</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public unsafe struct StateData
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
    [FieldOffset(0)] public TableInput* Table;
}

/// <summary><c>ss_plugin_table_info</c>.</summary>
public unsafe struct TableInfo
{
    public byte* Name;
    public uint KeyType;
}

/// <summary><c>ss_plugin_table_fieldinfo</c>.</summary>
public unsafe struct TableFieldInfo
{
    public byte* Name;
    public uint FieldType;
    public uint ReadOnly;
}

/// <summary><c>ss_plugin_table_reader_vtable_ext</c> (the deprecated reader is its first four members).</summary>
public unsafe struct ReaderExt
{
    public delegate* unmanaged<void*, byte*> GetTableName;
    public delegate* unmanaged<void*, ulong> GetTableSize;
    public delegate* unmanaged<void*, StateData*, void*> GetTableEntry;
    public delegate* unmanaged<void*, void*, void*, StateData*, int> ReadEntryField;
    public delegate* unmanaged<void*, void*, void> ReleaseTableEntry;
    public delegate* unmanaged<void*, delegate* unmanaged<void*, void*, uint>, void*, uint> IterateEntries;
}

/// <summary><c>ss_plugin_table_reader_vtable</c> (deprecated).</summary>
public unsafe struct Reader
{
    public delegate* unmanaged<void*, byte*> GetTableName;
    public delegate* unmanaged<void*, ulong> GetTableSize;
    public delegate* unmanaged<void*, StateData*, void*> GetTableEntry;
    public delegate* unmanaged<void*, void*, void*, StateData*, int> ReadEntryField;
}

/// <summary><c>ss_plugin_table_writer_vtable_ext</c>, laid out like the deprecated writer.</summary>
public unsafe struct WriterExt
{
    public delegate* unmanaged<void*, int> ClearTable;
    public delegate* unmanaged<void*, StateData*, int> EraseTableEntry;
    public delegate* unmanaged<void*, void*> CreateTableEntry;
    public delegate* unmanaged<void*, void*, void> DestroyTableEntry;
    public delegate* unmanaged<void*, StateData*, void*, void*> AddTableEntry;
    public delegate* unmanaged<void*, void*, void*, StateData*, int> WriteEntryField;
}

/// <summary><c>ss_plugin_table_fields_vtable_ext</c>, laid out like the deprecated fields vtable.</summary>
public unsafe struct FieldsExt
{
    public delegate* unmanaged<void*, uint*, TableFieldInfo*> ListTableFields;
    public delegate* unmanaged<void*, byte*, uint, void*> GetTableField;
    public delegate* unmanaged<void*, byte*, uint, void*> AddTableField;
}

/// <summary><c>ss_plugin_table_input</c> (152 bytes).</summary>
public unsafe struct TableInput
{
    public byte* Name;
    public uint KeyType;
    public void* Table;
    public Reader Reader;
    public WriterExt Writer;
    public FieldsExt Fields;
    public ReaderExt* ReaderExt;
    public WriterExt* WriterExt;
    public FieldsExt* FieldsExt;
}

/// <summary><c>ss_plugin_init_tables_input</c> (72 bytes).</summary>
public unsafe struct InitTablesInput
{
    public delegate* unmanaged<void*, uint*, TableInfo*> ListTables;
    public delegate* unmanaged<void*, byte*, uint, TableInput*> GetTable;
    public delegate* unmanaged<void*, TableInput*, int> AddTable;
    public FieldsExt Fields;
    public FieldsExt* FieldsExt;
    public ReaderExt* ReaderExt;
    public WriterExt* WriterExt;
}

/// <summary>Numbers of <c>ss_plugin_rc</c> and <c>ss_plugin_state_type</c>.</summary>
public static class TableAbi
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int NotSupported = 3;

    public const uint Int8 = 1;
    public const uint Int32 = 3;
    public const uint Int64 = 4;
    public const uint UInt8 = 5;
    public const uint UInt16 = 6;
    public const uint UInt32 = 7;
    public const uint UInt64 = 8;
    public const uint String = 9;
    public const uint Table = 10;
    public const uint Bool = 25;
}

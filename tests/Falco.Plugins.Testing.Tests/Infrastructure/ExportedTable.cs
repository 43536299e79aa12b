using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>
/// A table implemented the way a plugin exports one: native vtables of [UnmanagedCallersOnly]
/// functions over .NET state, an entry handle per lookup, and the plugin's own last error
/// (read through <see cref="GetLastErrorFunction"/> with <see cref="State"/>). Key UINT64;
/// fields <c>count</c> (uint64), <c>label</c> (string) and <c>id</c> (uint64, writes answer
/// NOT_SUPPORTED without an error, as the container plugin does).
/// </summary>
public sealed unsafe class ExportedTable : IDisposable
{
    private static readonly string[] FieldNames = ["count", "label", "id"];
    private static readonly uint[] FieldTypes = [TableAbi.UInt64, TableAbi.String, TableAbi.UInt64];
    private readonly HashSet<nint> _liveEntries = new();
    private GCHandle _self;
    private byte* _lastError;
    private TableFieldInfo* _fieldInfos;

    public ExportedTable(string name)
    {
        _self = GCHandle.Alloc(this);
        NamePointer = (byte*)Marshal.StringToCoTaskMemUTF8(name);
        _fieldInfos = (TableFieldInfo*)NativeMemory.AllocZeroed((nuint)FieldNames.Length, (nuint)sizeof(TableFieldInfo));
        for (int i = 0; i < FieldNames.Length; i++)
        {
            _fieldInfos[i] = new TableFieldInfo { Name = (byte*)Marshal.StringToCoTaskMemUTF8(FieldNames[i]), FieldType = FieldTypes[i], ReadOnly = i == 2 ? 1u : 0u };
        }

        ReaderExtBlock = (ReaderExt*)NativeMemory.Alloc((nuint)sizeof(ReaderExt));
        *ReaderExtBlock = new ReaderExt
        {
            GetTableName = &GetTableName,
            GetTableSize = &GetTableSize,
            GetTableEntry = &GetTableEntry,
            ReadEntryField = &ReadEntryField,
            ReleaseTableEntry = &ReleaseTableEntry,
            IterateEntries = &IterateEntries,
        };
        WriterExtBlock = (WriterExt*)NativeMemory.Alloc((nuint)sizeof(WriterExt));
        *WriterExtBlock = new WriterExt
        {
            ClearTable = &ClearTable,
            EraseTableEntry = &EraseTableEntry,
            CreateTableEntry = &CreateTableEntry,
            DestroyTableEntry = &DestroyTableEntry,
            AddTableEntry = &AddTableEntry,
            WriteEntryField = &WriteEntryField,
        };
        FieldsExtBlock = (FieldsExt*)NativeMemory.Alloc((nuint)sizeof(FieldsExt));
        *FieldsExtBlock = new FieldsExt { ListTableFields = &ListTableFields, GetTableField = &GetTableField, AddTableField = &AddTableField };
    }

    /// <summary>The plugin's <c>get_last_error(ss_plugin_t*)</c>; the state is <see cref="State"/>.</summary>
    public static nint GetLastErrorFunction => (nint)(delegate* unmanaged<void*, byte*>)&GetLastError;

    /// <summary>The plugin state pointer: a handle to this object.</summary>
    public nint State => GCHandle.ToIntPtr(_self);

    public byte* NamePointer { get; private set; }

    public ReaderExt* ReaderExtBlock { get; private set; }

    public WriterExt* WriterExtBlock { get; private set; }

    public FieldsExt* FieldsExtBlock { get; private set; }

    public SortedDictionary<ulong, Row> Rows { get; } = new();

    /// <summary>Entry handles handed out and not yet released or destroyed.</summary>
    public int LiveEntries => _liveEntries.Count;

    /// <summary>Makes get_table_size fail with (uint64)-1.</summary>
    public bool FailSize { get; set; }

    public string? LastError => _lastError is null ? null : Marshal.PtrToStringUTF8((nint)_lastError);

    /// <summary>A fresh, consistent <c>ss_plugin_table_input</c> for add_table (the caller frees it with <see cref="FreeInput"/>).</summary>
    public TableInput* NewInput()
    {
        var input = (TableInput*)NativeMemory.AllocZeroed((nuint)sizeof(TableInput));
        input->Name = NamePointer;
        input->KeyType = TableAbi.UInt64;
        input->Table = (void*)State;
        input->Reader = new Reader
        {
            GetTableName = ReaderExtBlock->GetTableName,
            GetTableSize = ReaderExtBlock->GetTableSize,
            GetTableEntry = ReaderExtBlock->GetTableEntry,
            ReadEntryField = ReaderExtBlock->ReadEntryField,
        };
        input->Writer = *WriterExtBlock;
        input->Fields = *FieldsExtBlock;
        input->ReaderExt = ReaderExtBlock;
        input->WriterExt = WriterExtBlock;
        input->FieldsExt = FieldsExtBlock;
        return input;
    }

    public static void FreeInput(TableInput* input) => NativeMemory.Free(input);

    /// <summary>Frees the vtable blocks, which the host must have copied at add_table.</summary>
    public void FreeVtables()
    {
        NativeMemory.Free(ReaderExtBlock);
        NativeMemory.Free(WriterExtBlock);
        NativeMemory.Free(FieldsExtBlock);
        ReaderExtBlock = null;
        WriterExtBlock = null;
        FieldsExtBlock = null;
    }

    public void Dispose()
    {
        FreeVtables();
        foreach (Row row in Rows.Values)
        {
            row.Dispose();
        }

        for (int i = 0; i < FieldNames.Length; i++)
        {
            Marshal.FreeCoTaskMem((nint)_fieldInfos[i].Name);
        }

        NativeMemory.Free(_fieldInfos);
        _fieldInfos = null;
        Marshal.FreeCoTaskMem((nint)NamePointer);
        NamePointer = null;
        NativeMemory.Free(_lastError);
        _lastError = null;
        _self.Free();
    }

    private static ExportedTable Of(void* table) => (ExportedTable)GCHandle.FromIntPtr((nint)table).Target!;

    private static Row RowOf(void* entry) => (Row)GCHandle.FromIntPtr((nint)entry).Target!;

    private void SetError(string message)
    {
        NativeMemory.Free(_lastError);
        int length = System.Text.Encoding.UTF8.GetByteCount(message);
        _lastError = (byte*)NativeMemory.Alloc((nuint)length + 1);
        System.Text.Encoding.UTF8.GetBytes(message, new Span<byte>(_lastError, length));
        _lastError[length] = 0;
    }

    private void* Handle(Row row)
    {
        nint handle = GCHandle.ToIntPtr(GCHandle.Alloc(row));
        _liveEntries.Add(handle);
        return (void*)handle;
    }

    private void Free(void* entry)
    {
        if (_liveEntries.Remove((nint)entry))
        {
            GCHandle.FromIntPtr((nint)entry).Free();
        }
    }

    [UnmanagedCallersOnly]
    private static byte* GetLastError(void* state) => Of(state)._lastError;

    [UnmanagedCallersOnly]
    private static byte* GetTableName(void* t) => Of(t).NamePointer;

    [UnmanagedCallersOnly]
    private static ulong GetTableSize(void* t)
    {
        ExportedTable table = Of(t);
        if (table.FailSize)
        {
            table.SetError("size unavailable");
            return ulong.MaxValue;
        }

        return (ulong)table.Rows.Count;
    }

    [UnmanagedCallersOnly]
    private static void* GetTableEntry(void* t, StateData* key)
    {
        ExportedTable table = Of(t);
        if (table.Rows.TryGetValue(key->U64, out Row? row))
        {
            return table.Handle(row);
        }

        table.SetError($"no row {key->U64}");
        return null;
    }

    [UnmanagedCallersOnly]
    private static int ReadEntryField(void* t, void* entry, void* field, StateData* output)
    {
        Row row = RowOf(entry);
        switch ((nint)field)
        {
            case 1: output->U64 = row.Count; return TableAbi.Success;
            case 2: output->Str = row.LabelPointer; return TableAbi.Success;
            case 3: output->U64 = row.Id; return TableAbi.Success;
            default: Of(t).SetError("bad field"); return TableAbi.Failure;
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleaseTableEntry(void* t, void* entry) => Of(t).Free(entry);

    [UnmanagedCallersOnly]
    private static uint IterateEntries(void* t, delegate* unmanaged<void*, void*, uint> iterator, void* state)
    {
        ExportedTable table = Of(t);
        foreach (Row row in new List<Row>(table.Rows.Values))
        {
            void* entry = table.Handle(row);
            uint more = iterator(state, entry);
            table.Free(entry);
            if (more == 0)
            {
                return 0;
            }
        }

        return 1;
    }

    [UnmanagedCallersOnly]
    private static int ClearTable(void* t)
    {
        Of(t).Rows.Clear();
        return TableAbi.Success;
    }

    [UnmanagedCallersOnly]
    private static int EraseTableEntry(void* t, StateData* key)
    {
        ExportedTable table = Of(t);
        if (table.Rows.Remove(key->U64))
        {
            return TableAbi.Success;
        }

        table.SetError("no row to erase");
        return TableAbi.Failure;
    }

    [UnmanagedCallersOnly]
    private static void* CreateTableEntry(void* t) => Of(t).Handle(new Row());

    [UnmanagedCallersOnly]
    private static void DestroyTableEntry(void* t, void* entry) => Of(t).Free(entry);

    [UnmanagedCallersOnly]
    private static void* AddTableEntry(void* t, StateData* key, void* entry)
    {
        ExportedTable table = Of(t);
        Row row = RowOf(entry);
        table.Free(entry);
        row.Id = key->U64;
        table.Rows[key->U64] = row;
        return table.Handle(row);
    }

    [UnmanagedCallersOnly]
    private static int WriteEntryField(void* t, void* entry, void* field, StateData* input)
    {
        ExportedTable table = Of(t);
        Row row = RowOf(entry);
        switch ((nint)field)
        {
            case 1 when input->U64 > 100:
                table.SetError("count too large");
                return TableAbi.Failure;
            case 1:
                row.Count = input->U64;
                return TableAbi.Success;
            case 2:
                row.Label = Marshal.PtrToStringUTF8((nint)input->Str) ?? "";
                return TableAbi.Success;
            default:
                return TableAbi.NotSupported;
        }
    }

    [UnmanagedCallersOnly]
    private static TableFieldInfo* ListTableFields(void* t, uint* count)
    {
        *count = (uint)FieldNames.Length;
        return Of(t)._fieldInfos;
    }

    [UnmanagedCallersOnly]
    private static void* GetTableField(void* t, byte* name, uint type)
    {
        string? fieldName = Marshal.PtrToStringUTF8((nint)name);
        int index = Array.IndexOf(FieldNames, fieldName);
        if (index >= 0 && FieldTypes[index] == type)
        {
            return (void*)(nint)(index + 1);
        }

        Of(t).SetError($"no field {fieldName} of type {type}");
        return null;
    }

    [UnmanagedCallersOnly]
    private static void* AddTableField(void* t, byte* name, uint type)
    {
        Of(t).SetError("fixed schema");
        return null;
    }

    /// <summary>One row; the label's native copy lives until the label changes.</summary>
    public sealed class Row : IDisposable
    {
        private string _label = "";

        public ulong Count { get; set; }

        public ulong Id { get; set; }

        public byte* LabelPointer { get; private set; } = (byte*)Marshal.StringToCoTaskMemUTF8("");

        public string Label
        {
            get => _label;
            set
            {
                Marshal.FreeCoTaskMem((nint)LabelPointer);
                _label = value;
                LabelPointer = (byte*)Marshal.StringToCoTaskMemUTF8(value);
            }
        }

        public void Dispose()
        {
            Marshal.FreeCoTaskMem((nint)LabelPointer);
            LabelPointer = null;
        }
    }
}

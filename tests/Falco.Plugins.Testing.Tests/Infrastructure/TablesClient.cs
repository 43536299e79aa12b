using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>
/// Drives the host's table API as a plugin does: through the function pointers of the init
/// tables input and its dispatch vtables, with an in-process stand-in as the calling plugin.
/// Each helper is one API call; the Try* variants return what the call returned.
/// </summary>
public sealed unsafe class TablesClient : IDisposable
{
    public TablesClient(PluginHost host, string name = "client", nint getLastError = 0, nint state = 0, uint requiredApiMinor = 12)
    {
        Plugin = host.AddInProcessPlugin(name, getLastError, state, requiredApiMinor);
    }

    public InProcessPlugin Plugin { get; }

    public static InitTablesInput* Init => (InitTablesInput*)InProcessPlugin.InitTablesInput;

    public static ReaderExt* Reader => Init->ReaderExt;

    public static WriterExt* Writer => Init->WriterExt;

    public static FieldsExt* Fields => Init->FieldsExt;

    public void* Owner => (void*)Plugin.Owner;

    /// <summary>The owner error through the input's get_owner_last_error, as a plugin reads it (null for NULL).</summary>
    public string? OwnerError
    {
        get
        {
            byte* error = ((delegate* unmanaged<void*, byte*>)InProcessPlugin.GetOwnerLastError)(Owner);
            return error is null ? null : Marshal.PtrToStringUTF8((nint)error);
        }
    }

    public static string? Str(byte* value) => value is null ? null : Marshal.PtrToStringUTF8((nint)value);

    public List<(string Name, uint KeyType)> ListTables()
    {
        uint count = 0;
        TableInfo* infos = Init->ListTables(Owner, &count);
        Assert.True(infos is not null, OwnerError);
        var tables = new List<(string, uint)>();
        for (int i = 0; i < count; i++)
        {
            tables.Add((Str(infos[i].Name)!, infos[i].KeyType));
        }

        return tables;
    }

    public TableInput* TryGetTable(string name, uint keyType)
    {
        using var text = new Utf8(name);
        return Init->GetTable(Owner, text.Pointer, keyType);
    }

    public TableInput* GetTable(string name, uint keyType)
    {
        TableInput* table = TryGetTable(name, keyType);
        Assert.True(table is not null, OwnerError ?? "get_table returned NULL");
        return table;
    }

    public int TryAddTable(TableInput* input) => Init->AddTable(Owner, input);

    public string? TableName(TableInput* t) => Str(Reader->GetTableName(t));

    public ulong Size(TableInput* t) => Reader->GetTableSize(t);

    public List<(string Name, uint Type, bool ReadOnly)> ListFields(TableInput* t)
    {
        uint count = 0;
        TableFieldInfo* infos = Fields->ListTableFields(t, &count);
        Assert.True(infos is not null, OwnerError);
        var fields = new List<(string, uint, bool)>();
        for (int i = 0; i < count; i++)
        {
            fields.Add((Str(infos[i].Name)!, infos[i].FieldType, infos[i].ReadOnly != 0));
        }

        return fields;
    }

    public void* TryGetField(TableInput* t, string name, uint type)
    {
        using var text = new Utf8(name);
        return Fields->GetTableField(t, text.Pointer, type);
    }

    public void* GetField(TableInput* t, string name, uint type)
    {
        void* field = TryGetField(t, name, type);
        Assert.True(field is not null, OwnerError ?? "get_table_field returned NULL");
        return field;
    }

    public void* TryAddField(TableInput* t, string name, uint type)
    {
        using var text = new Utf8(name);
        return Fields->AddTableField(t, text.Pointer, type);
    }

    public void* AddField(TableInput* t, string name, uint type)
    {
        void* field = TryAddField(t, name, type);
        Assert.True(field is not null, OwnerError ?? "add_table_field returned NULL");
        return field;
    }

    public void* TryGetEntry(TableInput* t, long key)
    {
        var data = new StateData { S64 = key };
        return Reader->GetTableEntry(t, &data);
    }

    public void* TryGetEntry(TableInput* t, ulong key)
    {
        var data = new StateData { U64 = key };
        return Reader->GetTableEntry(t, &data);
    }

    public void* GetEntry(TableInput* t, long key)
    {
        void* entry = TryGetEntry(t, key);
        Assert.True(entry is not null, OwnerError ?? "get_table_entry returned NULL");
        return entry;
    }

    public void* GetEntry(TableInput* t, ulong key)
    {
        void* entry = TryGetEntry(t, key);
        Assert.True(entry is not null, OwnerError ?? "get_table_entry returned NULL");
        return entry;
    }

    public int TryRead(TableInput* t, void* entry, void* field, out StateData value)
    {
        StateData data;
        // Garbage first: the host must zero the output before it writes the value.
        data.U64 = 0xDEAD_BEEF_DEAD_BEEF;
        int rc = Reader->ReadEntryField(t, entry, field, &data);
        value = data;
        return rc;
    }

    public StateData Read(TableInput* t, void* entry, void* field)
    {
        int rc = TryRead(t, entry, field, out StateData value);
        Assert.True(rc == TableAbi.Success, $"read_entry_field returned {rc}: {OwnerError}");
        return value;
    }

    public string? ReadString(TableInput* t, void* entry, void* field) => Str(Read(t, entry, field).Str);

    public int TryWrite(TableInput* t, void* entry, void* field, StateData value) => Writer->WriteEntryField(t, entry, field, &value);

    public int TryWriteString(TableInput* t, void* entry, void* field, string value)
    {
        using var text = new Utf8(value);
        return TryWrite(t, entry, field, new StateData { Str = text.Pointer });
    }

    public void Write(TableInput* t, void* entry, void* field, StateData value)
    {
        int rc = TryWrite(t, entry, field, value);
        Assert.True(rc == TableAbi.Success, $"write_entry_field returned {rc}: {OwnerError}");
    }

    public void WriteString(TableInput* t, void* entry, void* field, string value)
    {
        int rc = TryWriteString(t, entry, field, value);
        Assert.True(rc == TableAbi.Success, $"write_entry_field returned {rc}: {OwnerError}");
    }

    public void Release(TableInput* t, void* entry) => Reader->ReleaseTableEntry(t, entry);

    public int Clear(TableInput* t) => Writer->ClearTable(t);

    public int Erase(TableInput* t, long key)
    {
        var data = new StateData { S64 = key };
        return Writer->EraseTableEntry(t, &data);
    }

    public int Erase(TableInput* t, ulong key)
    {
        var data = new StateData { U64 = key };
        return Writer->EraseTableEntry(t, &data);
    }

    public void* Create(TableInput* t) => Writer->CreateTableEntry(t);

    public void Destroy(TableInput* t, void* entry) => Writer->DestroyTableEntry(t, entry);

    public void* TryAdd(TableInput* t, long key, void* entry)
    {
        var data = new StateData { S64 = key };
        return Writer->AddTableEntry(t, &data, entry);
    }

    public void* TryAdd(TableInput* t, ulong key, void* entry)
    {
        var data = new StateData { U64 = key };
        return Writer->AddTableEntry(t, &data, entry);
    }

    public void* Add(TableInput* t, long key, void* entry)
    {
        void* added = TryAdd(t, key, entry);
        Assert.True(added is not null, OwnerError ?? "add_table_entry returned NULL");
        return added;
    }

    public void Dispose() => Plugin.Dispose();
}

/// <summary>A NUL-terminated UTF-8 copy of a string in native memory, freed on dispose.</summary>
public sealed unsafe class Utf8 : IDisposable
{
    public Utf8(string value) => Pointer = (byte*)Marshal.StringToCoTaskMemUTF8(value);

    public byte* Pointer { get; private set; }

    public void Dispose()
    {
        Marshal.FreeCoTaskMem((nint)Pointer);
        Pointer = null;
    }
}

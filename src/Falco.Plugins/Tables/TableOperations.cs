using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>The table API calls behind the reader, writer and entry types.</summary>
internal static unsafe class TableOperations
{
    public static ulong Count(TableApi api, void* table, string name)
    {
        ulong size = api.Reader->GetTableSize(table);
        return size == ulong.MaxValue ? throw api.Failure($"cannot count the entries of table '{name}'") : size;
    }

    public static void* Find<TKey>(TableApi api, void* table, TKey key)
    {
        StateData data = default;
        Span<byte> scratch = stackalloc byte[StateKeys.ScratchSize];
        fixed (byte* text = StateKeys.Encode(key, ref data, scratch))
        {
            if (text is not null)
            {
                data.Str = text;
            }

            return api.Reader->GetTableEntry(table, &data);
        }
    }

    public static void* Add<TKey>(TableApi api, void* table, TKey key, void* entry)
    {
        StateData data = default;
        Span<byte> scratch = stackalloc byte[StateKeys.ScratchSize];
        fixed (byte* text = StateKeys.Encode(key, ref data, scratch))
        {
            if (text is not null)
            {
                data.Str = text;
            }

            return api.Writer->AddTableEntry(table, &data, entry);
        }
    }

    public static bool Erase<TKey>(TableApi api, void* table, TKey key)
    {
        StateData data = default;
        Span<byte> scratch = stackalloc byte[StateKeys.ScratchSize];
        fixed (byte* text = StateKeys.Encode(key, ref data, scratch))
        {
            if (text is not null)
            {
                data.Str = text;
            }

            return api.Writer->EraseTableEntry(table, &data) == PluginRc.Success;
        }
    }

    public static T Read<T>(TableApi api, void* table, void* entry, string tableName, object fields, TableField<T> field)
    {
        StateData data = ReadRaw(api, table, entry, tableName, fields, field);
        return StateValues.Read<T>(&data);
    }

    public static ReadOnlySpan<byte> ReadUtf8(TableApi api, void* table, void* entry, string tableName, object fields, TableField<string> field)
    {
        StateData data = ReadRaw(api, table, entry, tableName, fields, field);
        return StateValues.ReadUtf8(&data);
    }

    public static void* ReadTable<TKey>(TableApi api, void* table, void* entry, string tableName, object fields, NestedTableField<TKey> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        StateData data = default;
        if (api.Reader->ReadEntryField(table, entry, field.Handle, &data) != PluginRc.Success || data.Table is null)
        {
            throw api.Failure($"cannot read the nested table '{field.TableName}'");
        }

        return data.Table;
    }

    public static void Write<T>(TableApi api, void* table, void* entry, string tableName, object fields, TableField<T> field, T value)
    {
        Check(tableName, fields, field);
        StateData data = default;
        if (typeof(T) == typeof(string))
        {
            string text = (string?)(object?)value ?? string.Empty;
            int size = StateValues.CStringSize(text);
            Span<byte> buffer = size <= StateKeys.ScratchSize ? stackalloc byte[StateKeys.ScratchSize] : new byte[size];
            StateValues.WriteCString(text, buffer);
            fixed (byte* utf8 = buffer)
            {
                data.Str = utf8;
                WriteRaw(api, table, entry, tableName, field, &data);
            }

            return;
        }

        StateValues.Write(&data, value);
        WriteRaw(api, table, entry, tableName, field, &data);
    }

    public static void WriteUtf8(TableApi api, void* table, void* entry, string tableName, object fields, TableField<string> field, ReadOnlySpan<byte> value)
    {
        Check(tableName, fields, field);
        Span<byte> buffer = value.Length < StateKeys.ScratchSize ? stackalloc byte[StateKeys.ScratchSize] : new byte[value.Length + 1];
        value.CopyTo(buffer);
        buffer[value.Length] = 0;
        fixed (byte* utf8 = buffer)
        {
            StateData data = default;
            data.Str = utf8;
            WriteRaw(api, table, entry, tableName, field, &data);
        }
    }

    /// <summary>Calls <c>iterate_entries</c>, handing each entry to one of the visitors; rethrows what a visitor throws.</summary>
    public static bool Iterate(TableApi api, void* table, string tableName, object fields, TableEntryVisitor? reader, WritableTableEntryVisitor? writer)
    {
        var iteration = new Iteration(api, tableName, fields, reader, writer);
        GCHandle handle = GCHandle.Alloc(iteration);
        try
        {
            iteration.Table = (nint)table;
            bool complete = api.Reader->IterateEntries(table, &Visit, (void*)GCHandle.ToIntPtr(handle)) != 0;
            if (iteration.Error is not null)
            {
                throw new PluginException($"iterating table '{tableName}' failed: {Hosting.PluginState.Describe(iteration.Error)}", iteration.Error);
            }

            return complete;
        }
        finally
        {
            handle.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static uint Visit(void* state, void* entry)
    {
        Iteration? iteration = null;
        try
        {
            iteration = (Iteration)GCHandle.FromIntPtr((nint)state).Target!;
            if (iteration.Reader is not null)
            {
                var view = new TableEntry(iteration.Api, (void*)iteration.Table, entry, iteration.TableName, iteration.Fields, owned: false);
                return iteration.Reader(ref view) ? 1u : 0u;
            }

            var writable = new WritableTableEntry(iteration.Api, (void*)iteration.Table, entry, iteration.TableName, iteration.Fields, owned: false);
            return iteration.Writer!(ref writable) ? 1u : 0u;
        }
        catch (Exception ex)
        {
            if (iteration is not null)
            {
                iteration.Error = ex;
            }

            return 0;
        }
    }

    private static StateData ReadRaw<T>(TableApi api, void* table, void* entry, string tableName, object fields, TableField<T> field)
    {
        Check(tableName, fields, field);
        StateData data = default;
        if (api.Reader->ReadEntryField(table, entry, field.Handle, &data) != PluginRc.Success)
        {
            throw api.Failure($"cannot read field '{field.Name}' of table '{tableName}'");
        }

        return data;
    }

    private static void WriteRaw<T>(TableApi api, void* table, void* entry, string tableName, TableField<T> field, StateData* data)
    {
        if (api.Writer is null)
        {
            throw new PluginException($"cannot write field '{field.Name}' of table '{tableName}': this call has read-only table access");
        }

        if (api.Writer->WriteEntryField(table, entry, field.Handle, data) != PluginRc.Success)
        {
            throw api.Failure($"cannot write field '{field.Name}' of table '{tableName}'");
        }
    }

    private static void Check<T>(string tableName, object fields, TableField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!ReferenceEquals(field.Table, fields))
        {
            throw new PluginException($"field '{field.Name}' belongs to table '{field.TableName}', not '{tableName}'");
        }
    }

    /// <summary>What one iteration needs inside the native callback.</summary>
    private sealed class Iteration
    {
        public Iteration(TableApi api, string tableName, object fields, TableEntryVisitor? reader, WritableTableEntryVisitor? writer)
        {
            Api = api;
            TableName = tableName;
            Fields = fields;
            Reader = reader;
            Writer = writer;
        }

        public TableApi Api { get; }

        public string TableName { get; }

        public object Fields { get; }

        public TableEntryVisitor? Reader { get; }

        public WritableTableEntryVisitor? Writer { get; }

        public nint Table { get; set; }

        public Exception? Error { get; set; }
    }
}

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* Find<TKey>(TableApi api, void* table, TKey key) => (void*)CallWithKey(api, table, key, KeyOperation.Find, null);

    public static void* Add<TKey>(TableApi api, void* table, TKey key, void* entry) => (void*)CallWithKey(api, table, key, KeyOperation.Add, entry);

    public static bool Erase<TKey>(TableApi api, void* table, TKey key) => CallWithKey(api, table, key, KeyOperation.Erase, null) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(TableApi api, void* table, void* entry, string tableName, object fields, TableField<T> field)
    {
        StateData data = ReadRaw(api, table, entry, tableName, fields, field);
        return StateValues.Read<T>(&data);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(TableApi api, void* table, void* entry, string tableName, object fields, TableField<T> field, T value)
    {
        Check(tableName, fields, field);
        if (typeof(T) == typeof(string))
        {
            WriteString(api, table, entry, tableName, field, (string?)(object?)value ?? string.Empty);
            return;
        }

        StateData data = default;
        StateValues.Write(&data, value);
        WriteRaw(api, table, entry, tableName, field, &data);
    }

    [SkipLocalsInit]
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

    /// <summary>Passes a key to get_table_entry, add_table_entry or erase_table_entry; only string keys need a buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint CallWithKey<TKey>(TableApi api, void* table, TKey key, KeyOperation operation, void* entry)
    {
        if (typeof(TKey) == typeof(string))
        {
            return CallWithStringKey(api, table, (string)(object)key!, operation, entry);
        }

        StateData data = default;
        StateValues.Write(&data, key);
        return Call(api, table, &data, operation, entry);
    }

    [SkipLocalsInit]
    private static nint CallWithStringKey(TableApi api, void* table, string key, KeyOperation operation, void* entry)
    {
        int size = StateValues.CStringSize(key);
        Span<byte> buffer = size <= StateKeys.ScratchSize ? stackalloc byte[StateKeys.ScratchSize] : new byte[size];
        StateValues.WriteCString(key, buffer);
        fixed (byte* text = buffer)
        {
            StateData data = default;
            data.Str = text;
            return Call(api, table, &data, operation, entry);
        }
    }

    private static nint Call(TableApi api, void* table, StateData* key, KeyOperation operation, void* entry) => operation switch
    {
        KeyOperation.Find => (nint)api.Reader->GetTableEntry(table, key),
        KeyOperation.Add => (nint)api.Writer->AddTableEntry(table, key, entry),
        _ => api.Writer->EraseTableEntry(table, key) == PluginRc.Success ? 1 : 0,
    };

    [SkipLocalsInit]
    private static void WriteString<T>(TableApi api, void* table, void* entry, string tableName, TableField<T> field, string text)
    {
        // One encoding pass when the worst case fits on the stack; the table copies the bytes.
        int maxSize = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        Span<byte> buffer = maxSize <= StateKeys.ScratchSize ? stackalloc byte[StateKeys.ScratchSize] : new byte[StateValues.CStringSize(text)];
        StateValues.WriteCString(text, buffer);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static StateData ReadRaw<T>(TableApi api, void* table, void* entry, string tableName, object fields, TableField<T> field)
    {
        Check(tableName, fields, field);
        StateData data = default;
        if (api.Reader->ReadEntryField(table, entry, field.Handle, &data) != PluginRc.Success)
        {
            ThrowReadFailed(api, tableName, field.Name);
        }

        return data;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteRaw<T>(TableApi api, void* table, void* entry, string tableName, TableField<T> field, StateData* data)
    {
        if (api.Writer is null)
        {
            ThrowReadOnlyAccess(tableName, field.Name);
        }

        if (api.Writer->WriteEntryField(table, entry, field.Handle, data) != PluginRc.Success)
        {
            ThrowWriteFailed(api, tableName, field.Name);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check<T>(string tableName, object fields, TableField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!ReferenceEquals(field.Table, fields))
        {
            ThrowWrongTable(tableName, field.Name, field.TableName);
        }
    }

    // The messages are built off the hot path, so that reads and writes stay small enough to inline.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowReadFailed(TableApi api, string tableName, string field) =>
        throw api.Failure($"cannot read field '{field}' of table '{tableName}'");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWriteFailed(TableApi api, string tableName, string field) =>
        throw api.Failure($"cannot write field '{field}' of table '{tableName}'");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowReadOnlyAccess(string tableName, string field) =>
        throw new PluginException($"cannot write field '{field}' of table '{tableName}': this call has read-only table access");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongTable(string tableName, string field, string fieldTable) =>
        throw new PluginException($"field '{field}' belongs to table '{fieldTable}', not '{tableName}'");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowReleased(string type, string tableName) =>
        throw new ObjectDisposedException(type, $"the entry of table '{tableName}' was released");

    private enum KeyOperation
    {
        Find,
        Add,
        Erase,
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

using System;
using System.Runtime.CompilerServices;

namespace Falco.Plugins.Tables;

/// <summary>
/// An entry of a table, read during one callback. Dispose it (<c>using</c>) to release it, as
/// the framework requires; entries handed to a <see cref="ReadableTable{TKey}.ForEach"/> visitor
/// need no disposal.
/// </summary>
public unsafe ref struct TableEntry
{
    private readonly TableApi _api;
    private readonly void* _table;
    private readonly string _tableName;
    private readonly object _fields;
    private readonly bool _owned;
    private void* _entry;

    internal TableEntry(TableApi api, void* table, void* entry, string tableName, object fields, bool owned)
    {
        _api = api;
        _table = table;
        _entry = entry;
        _tableName = tableName;
        _fields = fields;
        _owned = owned;
    }

    /// <summary>Reads <paramref name="field"/>; strings are copied.</summary>
    public readonly T Get<T>(TableField<T> field) => TableOperations.Read(_api, _table, Entry, _tableName, _fields, field);

    /// <summary>Reads a string field without copying: the bytes stay valid during the callback.</summary>
    public readonly ReadOnlySpan<byte> GetUtf8(TableField<string> field) => TableOperations.ReadUtf8(_api, _table, Entry, _tableName, _fields, field);

    /// <summary>The nested table of this entry, e.g. a thread's <c>file_descriptors</c>.</summary>
    public readonly ReadableTable<TKey> GetTable<TKey>(NestedTableField<TKey> field) =>
        new(_api, TableOperations.ReadTable(_api, _table, Entry, _tableName, _fields, field), field.TableName, field);

    /// <summary>Releases the entry.</summary>
    public void Dispose()
    {
        if (_owned && _entry is not null)
        {
            _api.Reader->ReleaseTableEntry(_table, _entry);
        }

        _entry = null;
    }

    private readonly void* Entry
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_entry is null)
            {
                TableOperations.ThrowReleased(nameof(TableEntry), _tableName);
            }

            return _entry;
        }
    }
}

/// <summary>
/// An entry of a table, read and written during one callback. Dispose it (<c>using</c>) to
/// release it; entries handed to a <see cref="WritableTable{TKey}.ForEach"/> visitor need no disposal.
/// </summary>
public unsafe ref struct WritableTableEntry
{
    private readonly TableApi _api;
    private readonly void* _table;
    private readonly string _tableName;
    private readonly object _fields;
    private readonly bool _owned;
    private void* _entry;

    internal WritableTableEntry(TableApi api, void* table, void* entry, string tableName, object fields, bool owned)
    {
        _api = api;
        _table = table;
        _entry = entry;
        _tableName = tableName;
        _fields = fields;
        _owned = owned;
    }

    /// <summary>Reads <paramref name="field"/>; strings are copied.</summary>
    public readonly T Get<T>(TableField<T> field) => TableOperations.Read(_api, _table, Entry, _tableName, _fields, field);

    /// <summary>Reads a string field without copying: the bytes stay valid during the callback.</summary>
    public readonly ReadOnlySpan<byte> GetUtf8(TableField<string> field) => TableOperations.ReadUtf8(_api, _table, Entry, _tableName, _fields, field);

    /// <summary>Writes <paramref name="field"/>; the table copies strings.</summary>
    /// <exception cref="PluginException">The field is read-only or the write fails.</exception>
    public readonly void Set<T>(TableField<T> field, T value) => TableOperations.Write(_api, _table, Entry, _tableName, _fields, field, value);

    /// <summary>Writes a string field from UTF-8 bytes, without a managed string.</summary>
    public readonly void SetUtf8(TableField<string> field, ReadOnlySpan<byte> value) => TableOperations.WriteUtf8(_api, _table, Entry, _tableName, _fields, field, value);

    /// <summary>The nested table of this entry, e.g. a thread's <c>file_descriptors</c>.</summary>
    public readonly WritableTable<TKey> GetTable<TKey>(NestedTableField<TKey> field) =>
        new(_api, TableOperations.ReadTable(_api, _table, Entry, _tableName, _fields, field), field.TableName, field);

    /// <summary>Releases the entry.</summary>
    public void Dispose()
    {
        if (_owned && _entry is not null)
        {
            _api.Reader->ReleaseTableEntry(_table, _entry);
        }

        _entry = null;
    }

    private readonly void* Entry
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_entry is null)
            {
                TableOperations.ThrowReleased(nameof(WritableTableEntry), _tableName);
            }

            return _entry;
        }
    }
}

/// <summary>
/// An entry created with <see cref="WritableTable{TKey}.CreateEntry"/> and not yet added: set its
/// fields, then pass it to <see cref="WritableTable{TKey}.Add"/>. Disposing an entry that was
/// not added destroys it.
/// </summary>
public unsafe ref struct NewTableEntry
{
    private readonly TableApi _api;
    private readonly void* _table;
    private readonly string _tableName;
    private readonly object _fields;
    private void* _entry;

    internal NewTableEntry(TableApi api, void* table, void* entry, string tableName, object fields)
    {
        _api = api;
        _table = table;
        _entry = entry;
        _tableName = tableName;
        _fields = fields;
    }

    /// <summary>Writes <paramref name="field"/> before the entry is added.</summary>
    public readonly void Set<T>(TableField<T> field, T value) => TableOperations.Write(_api, _table, Entry, _tableName, _fields, field, value);

    /// <summary>Reads <paramref name="field"/>.</summary>
    public readonly T Get<T>(TableField<T> field) => TableOperations.Read(_api, _table, Entry, _tableName, _fields, field);

    /// <summary>Destroys the entry unless it was added.</summary>
    public void Dispose()
    {
        if (_entry is not null)
        {
            _api.Writer->DestroyTableEntry(_table, _entry);
        }

        _entry = null;
    }

    internal void* Detach()
    {
        void* entry = Entry;
        _entry = null;
        return entry;
    }

    private readonly void* Entry => _entry is not null ? _entry : throw new ObjectDisposedException(nameof(NewTableEntry), $"the new entry of table '{_tableName}' was already added or destroyed");
}

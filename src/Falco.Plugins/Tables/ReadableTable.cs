using System;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>Visits an entry during <see cref="ReadableTable{TKey}.ForEach"/>; return false to stop.</summary>
public delegate bool TableEntryVisitor(ref TableEntry entry);

/// <summary>Visits an entry during <see cref="WritableTable{TKey}.ForEach"/>; return false to stop.</summary>
public delegate bool WritableTableEntryVisitor(ref WritableTableEntry entry);

/// <summary>A table (imported or nested) opened for reading during one callback.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public readonly unsafe ref struct ReadableTable<TKey>
{
    private readonly TableApi _api;
    private readonly void* _table;
    private readonly object _fields;

    internal ReadableTable(TableApi api, void* table, string name, object fields)
    {
        _api = api;
        _table = table;
        Name = name;
        _fields = fields;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The number of entries.</summary>
    public ulong Count => TableOperations.Count(_api, _table, Name);

    /// <summary>Finds the entry at <paramref name="key"/>; dispose it when done.</summary>
    public bool TryGetEntry(TKey key, out TableEntry entry)
    {
        void* handle = TableOperations.Find(_api, _table, key);
        entry = handle is null ? default : new TableEntry(_api, _table, handle, Name, _fields, owned: true);
        return handle is not null;
    }

    /// <summary>The entry at <paramref name="key"/>; dispose it when done.</summary>
    /// <exception cref="PluginException">There is none.</exception>
    public TableEntry GetEntry(TKey key) =>
        TryGetEntry(key, out TableEntry entry) ? entry : throw _api.Failure($"table '{Name}' has no entry with key {StateKeys.Describe(key)}");

    /// <summary>Visits every entry until <paramref name="visitor"/> returns false.</summary>
    /// <returns>Whether every entry was visited.</returns>
    public bool ForEach(TableEntryVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return TableOperations.Iterate(_api, _table, Name, _fields, visitor, null);
    }
}

/// <summary>A table (imported or nested) opened for reading and writing during one callback.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public readonly unsafe ref struct WritableTable<TKey>
{
    private readonly TableApi _api;
    private readonly void* _table;
    private readonly object _fields;

    internal WritableTable(TableApi api, void* table, string name, object fields)
    {
        _api = api;
        _table = table;
        Name = name;
        _fields = fields;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The number of entries.</summary>
    public ulong Count => TableOperations.Count(_api, _table, Name);

    /// <summary>Finds the entry at <paramref name="key"/>; dispose it when done.</summary>
    public bool TryGetEntry(TKey key, out WritableTableEntry entry)
    {
        void* handle = TableOperations.Find(_api, _table, key);
        entry = handle is null ? default : new WritableTableEntry(_api, _table, handle, Name, _fields, owned: true);
        return handle is not null;
    }

    /// <summary>The entry at <paramref name="key"/>; dispose it when done.</summary>
    /// <exception cref="PluginException">There is none.</exception>
    public WritableTableEntry GetEntry(TKey key) =>
        TryGetEntry(key, out WritableTableEntry entry) ? entry : throw _api.Failure($"table '{Name}' has no entry with key {StateKeys.Describe(key)}");

    /// <summary>Visits every entry until <paramref name="visitor"/> returns false.</summary>
    /// <returns>Whether every entry was visited.</returns>
    public bool ForEach(WritableTableEntryVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return TableOperations.Iterate(_api, _table, Name, _fields, null, visitor);
    }

    /// <summary>Creates an entry that is not in the table yet: set its fields, then <see cref="Add"/> it.</summary>
    public NewTableEntry CreateEntry()
    {
        void* handle = _api.Writer->CreateTableEntry(_table);
        return handle is null
            ? throw _api.Failure($"cannot create an entry of table '{Name}'")
            : new NewTableEntry(_api, _table, handle, Name, _fields);
    }

    /// <summary>Adds <paramref name="entry"/> at <paramref name="key"/>, replacing any entry there; dispose the result when done.</summary>
    public WritableTableEntry Add(TKey key, ref NewTableEntry entry)
    {
        void* detached = entry.Detach();
        void* added = TableOperations.Add(_api, _table, key, detached);
        return added is null
            ? throw _api.Failure($"cannot add an entry with key {StateKeys.Describe(key)} to table '{Name}'")
            : new WritableTableEntry(_api, _table, added, Name, _fields, owned: true);
    }

    /// <summary>Removes the entry at <paramref name="key"/>.</summary>
    /// <returns>Whether there was one.</returns>
    public bool Remove(TKey key) => TableOperations.Erase(_api, _table, key);

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        if (_api.Writer->ClearTable(_table) != PluginRc.Success)
        {
            throw _api.Failure($"cannot clear table '{Name}'");
        }
    }
}

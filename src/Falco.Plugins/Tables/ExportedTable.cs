using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>
/// A state table the plugin owns and exports through <see cref="TableRegistry.AddTable{TKey}"/>:
/// the framework and other plugins can read its entries, write them, add entries and add
/// fields of their own, through callbacks the SDK implements. The plugin uses it directly.
/// Declare fields before publishing. Operations are not synchronized unless the table is
/// created thread-safe, which makes every operation take the table's lock.
/// </summary>
/// <typeparam name="TKey">sbyte, short, int, long, byte, ushort, uint, ulong, bool or string.</typeparam>
public sealed unsafe class ExportedTable<TKey> : ExportedTableBase
    where TKey : notnull
{
    private readonly Dictionary<TKey, ExportedEntry<TKey>> _entries = new();

    /// <summary>Creates an empty table.</summary>
    /// <param name="name">The name other plugins import it by.</param>
    /// <param name="threadSafe">Whether to synchronize every operation (for tables used from several threads).</param>
    public ExportedTable(string name, bool threadSafe = false)
        : base(name, StateValues.TypeOf<TKey>(), threadSafe)
    {
    }

    /// <inheritdoc />
    public override int Count
    {
        get
        {
            using (Lock())
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The entry at <paramref name="key"/>, created if it does not exist.</summary>
    public ExportedEntry<TKey> GetOrAdd(TKey key)
    {
        using (Lock())
        {
            if (!_entries.TryGetValue(key, out ExportedEntry<TKey>? entry))
            {
                entry = new ExportedEntry<TKey>(this, key, FieldList.Count) { IsInTable = true };
                _entries.Add(key, entry);
            }

            return entry;
        }
    }

    /// <summary>Finds the entry at <paramref name="key"/>.</summary>
    public bool TryGet(TKey key, [NotNullWhen(true)] out ExportedEntry<TKey>? entry)
    {
        using (Lock())
        {
            return _entries.TryGetValue(key, out entry);
        }
    }

    /// <summary>Removes the entry at <paramref name="key"/>.</summary>
    /// <returns>Whether there was one.</returns>
    public bool Remove(TKey key)
    {
        using (Lock())
        {
            if (!_entries.Remove(key, out ExportedEntry<TKey>? entry))
            {
                return false;
            }

            entry.Removed();
            return true;
        }
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        using (Lock())
        {
            ClearEntries();
        }
    }

    /// <summary>A snapshot of the entries.</summary>
    public IReadOnlyList<ExportedEntry<TKey>> Entries
    {
        get
        {
            using (Lock())
            {
                return _entries.Values.ToArray();
            }
        }
    }

    internal override ExportedEntry? Find(StateData* key) =>
        _entries.TryGetValue(StateKeys.Decode<TKey>(key), out ExportedEntry<TKey>? entry) ? entry : null;

    internal override ExportedEntry CreateDetached() => new ExportedEntry<TKey>(this, default!, FieldList.Count);

    internal override ExportedEntry Insert(StateData* key, ExportedEntry detached)
    {
        var entry = (ExportedEntry<TKey>)detached;
        entry.Key = StateKeys.Decode<TKey>(key);
        if (_entries.Remove(entry.Key, out ExportedEntry<TKey>? replaced))
        {
            replaced.Removed();
        }

        _entries.Add(entry.Key, entry);
        entry.IsInTable = true;
        return entry;
    }

    internal override bool Erase(StateData* key) => Remove(StateKeys.Decode<TKey>(key));

    internal override void ClearEntries()
    {
        foreach (ExportedEntry<TKey> entry in _entries.Values)
        {
            entry.Removed();
        }

        _entries.Clear();
    }

    internal override ExportedEntry[] Snapshot() => _entries.Values.ToArray<ExportedEntry>();

    internal override string DescribeKey(StateData* key) => StateKeys.Describe(StateKeys.Decode<TKey>(key));
}

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// One of the host's own tables, keyed by a 64-bit integer, for tests: count, look up,
/// remove and list entries, and define dynamic fields before a plugin does. Entry views read
/// and write the live entries.
/// </summary>
/// <typeparam name="TEntry">The view of one entry.</typeparam>
public abstract class HostTableView<TEntry>
    where TEntry : HostTableEntry
{
    private protected HostTableView(HostTable table) => Table = table;

    /// <summary>The table name.</summary>
    public string Name => Table.Name;

    /// <summary>How many entries the table holds.</summary>
    public int Count => Table.Count;

    /// <summary>The fields of the table: static ones first, then dynamic ones in the order they were added.</summary>
    public IReadOnlyList<StateFieldInfo> Fields => HostTableFields.Of(Table.Schema);

    /// <summary>The entries in key order.</summary>
    public IReadOnlyList<TEntry> Entries
    {
        get
        {
            var entries = new List<TEntry>();
            foreach (KeyValuePair<long, HostEntry> pair in Table.Snapshot())
            {
                entries.Add(View(pair.Value));
            }

            return entries;
        }
    }

    internal HostTable Table { get; }

    /// <summary>The entry under <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public TEntry this[long key] => TryGet(key, out TEntry? entry)
        ? entry
        : throw new KeyNotFoundException($"no entry with key {key} in table '{Name}'");

    /// <summary>Whether an entry is stored under <paramref name="key"/>.</summary>
    public bool Contains(long key) => Table.Find(key) is not null;

    /// <summary>The entry under <paramref name="key"/>, if any.</summary>
    public bool TryGet(long key, [NotNullWhen(true)] out TEntry? entry)
    {
        HostEntry? found = Table.Find(key);
        entry = found is null ? null : View(found);
        return entry is not null;
    }

    /// <summary>Removes the entry under <paramref name="key"/>; false if there was none.</summary>
    public bool Remove(long key) => Table.Remove(key);

    /// <summary>Removes every entry.</summary>
    public void Clear() => Table.RemoveAll();

    /// <summary>
    /// Defines a dynamic field as a plugin's add_table_field would (a plugin adding the same
    /// name and type later shares it), so tests can seed values the plugin will read.
    /// </summary>
    /// <exception cref="InvalidOperationException">libsinsp would refuse the field (the message is its own).</exception>
    public void DefineField(string name, StateType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            if (type == StateType.Table)
            {
                throw new TableApiException("can't add dynamic field of type table: " + name);
            }

            Table.Schema.AddDynamicField(name, type);
        }
        catch (TableApiException error)
        {
            throw new InvalidOperationException(error.Message, error);
        }
    }

    /// <summary>Inserts a new entry under <paramref name="key"/>, replacing any there (as add_table_entry does).</summary>
    private protected HostEntry Insert(long key) => Table.Insert(key, new HostEntry(Table.Schema));

    private protected abstract TEntry View(HostEntry entry);
}

using System;
using System.Collections.Generic;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// A table the host owns (libsinsp's <c>built_in_table</c>), keyed by INT64 like
/// <c>threads</c> and <c>file_descriptors</c>, or by UINT64 like the list-like <c>args</c>.
/// Entries are kept in key order.
/// </summary>
internal sealed unsafe class HostTable : RegisteredTable
{
    private readonly SortedDictionary<long, HostEntry> _entries = new();
    private readonly FieldDefinition? _keyField;

    /// <param name="schema">The fields of the table (possibly shared with other tables).</param>
    /// <param name="keyField">A field that add_table_entry sets to the key, as libsinsp sets a thread's tid or an fd's number.</param>
    /// <param name="keyType">INT64 or UINT64.</param>
    public HostTable(TableSchema schema, string? keyField, StateType keyType = StateType.Int64)
    {
        Schema = schema;
        KeyType = keyType is StateType.Int64 or StateType.UInt64 ? keyType : throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "host tables have 64-bit integer keys");
        _keyField = keyField is null ? null : schema.Find(keyField) ?? throw new ArgumentException($"no field {keyField}", nameof(keyField));
    }

    public TableSchema Schema { get; }

    public override string Name => Schema.TableName;

    public override byte* NativeName => Schema.NativeTableName;

    public override StateType KeyType { get; }

    public override object FieldScope => Schema;

    public int Count => _entries.Count;

    public HostEntry? Find(long key) => _entries.GetValueOrDefault(key);

    /// <summary>A copy of the entries, so that callers may change the table while going through it.</summary>
    public List<KeyValuePair<long, HostEntry>> Snapshot() => new(_entries);

    /// <summary>Inserts <paramref name="entry"/> under <paramref name="key"/>, replacing any entry there.</summary>
    public HostEntry Insert(long key, HostEntry entry)
    {
        if (entry.Schema != Schema)
        {
            throw new TableApiException($"entry does not belong to table '{Name}'");
        }

        if (_keyField is not null)
        {
            entry.Set(_keyField, key);
        }

        _entries[key] = entry;
        return entry;
    }

    public bool Remove(long key) => _entries.Remove(key);

    public void RemoveAll() => _entries.Clear();

    /// <summary>Frees the native strings of every entry, nested tables included (host disposal).</summary>
    public void FreeNativeStrings()
    {
        foreach (HostEntry entry in _entries.Values)
        {
            entry.FreeNativeStrings();
            foreach (FieldDefinition field in Schema.StaticFields)
            {
                entry.NestedTable(field)?.FreeNativeStrings();
            }
        }
    }

    public override ulong GetSize() => (ulong)_entries.Count;

    public override IReadOnlyList<TableFieldInfo> ListFields()
    {
        var infos = new List<TableFieldInfo>();
        foreach (FieldDefinition field in Schema.AllFields)
        {
            infos.Add(new TableFieldInfo { Name = field.NativeName, FieldType = field.Type, ReadOnly = field.ReadOnly ? 1u : 0u });
        }

        return infos;
    }

    public override TableField GetField(string name, StateType type) => Schema.GetField(name, type);

    public override TableField AddField(string name, StateType type) => Schema.AddDynamicField(name, type);

    public override TableEntry GetEntry(StateData* key) =>
        Find(Key(key)) ?? throw new TableApiException("get_entry found no element at given key");

    public override PluginRc ReadField(TableEntry entry, TableField field, StateData* output, TableSession caller)
    {
        HostEntry hostEntry = Own(entry);
        FieldDefinition definition = Own(field);
        if (definition.Type != StateType.Table)
        {
            hostEntry.Read(definition, output);
            return PluginRc.Success;
        }

        HostTable? nested = hostEntry.NestedTable(definition);
        if (nested is null)
        {
            // libsinsp clears the owner error for a missing subtable and fails without a message.
            caller.Owner.LastError = null;
            return PluginRc.Failure;
        }

        output->Table = caller.BindNestedTable(nested);
        return PluginRc.Success;
    }

    public override void ReleaseEntry(TableEntry entry)
    {
        // Entries of host tables are garbage collected; a handle only keeps one reachable.
    }

    public override bool Iterate(Func<TableEntry, bool> visit)
    {
        foreach (KeyValuePair<long, HostEntry> pair in Snapshot())
        {
            if (!visit(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    public override PluginRc Clear()
    {
        RemoveAll();
        return PluginRc.Success;
    }

    public override PluginRc Erase(StateData* key) =>
        Remove(Key(key)) ? PluginRc.Success : throw new TableApiException("table entry not found");

    public override TableEntry CreateEntry() => new HostEntry(Schema);

    public override void DestroyEntry(TableEntry entry) => Own(entry);

    public override TableEntry AddEntry(StateData* key, TableEntry entry) => Insert(Key(key), Own(entry));

    public override PluginRc WriteField(TableEntry entry, TableField field, StateData* input)
    {
        HostEntry hostEntry = Own(entry);
        FieldDefinition definition = Own(field);
        if (definition.Type == StateType.Table)
        {
            throw new TableApiException("writing to table fields is currently not supported");
        }

        if (definition.ReadOnly)
        {
            throw new TableApiException("can't set a read-only static struct field: " + definition.Name);
        }

        hostEntry.Write(definition, input);
        return PluginRc.Success;
    }

    /// <summary>The key in the union member of the key type (libsinsp's extract_key).</summary>
    private long Key(StateData* key) => KeyType == StateType.UInt64 ? (long)key->U64 : key->S64;

    private HostEntry Own(TableEntry entry) =>
        entry is HostEntry hostEntry && hostEntry.Schema == Schema
            ? hostEntry
            : throw new TableApiException($"entry does not belong to table '{Name}'");

    private FieldDefinition Own(TableField field) =>
        field is FieldDefinition definition && definition.Schema == Schema
            ? definition
            : throw new TableApiException($"field '{field.Name}' does not belong to table '{Name}'");
}

using System;
using System.Collections.Generic;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Running;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// The table state libsinsp keeps per plugin (its <c>sinsp_plugin</c> as table owner): one
/// accessor per table it got, its field handles (alive as long as the plugin), and the
/// handles that only live for one callback: entries it obtained or created and nested tables
/// it read. <see cref="EndCallback"/> is libsinsp's garbage collection after init, parse_event
/// and extract_fields.
/// </summary>
internal sealed unsafe class TableSession : IDisposable
{
    private readonly Dictionary<string, TableAccessor> _accessedTables = new(StringComparer.Ordinal);
    private readonly List<TableAccessor> _retiredAccessors = new();
    private readonly List<TableAccessor> _nestedInUse = new();
    private readonly Queue<TableAccessor> _nestedUnbound = new();
    private readonly HandleTable<EntryHandle> _entries = new();
    private readonly HandleTable<TableField> _fields = new();
    private readonly Dictionary<(object Scope, string Name), nint> _fieldHandles = new();
    private readonly NativeArray<TableInfo> _tableInfos = new();
    private bool _disposed;

    /// <param name="registry">The tables the plugin shares with the others of its host.</param>
    /// <param name="owner">The plugin's owner (its last error is set on failures).</param>
    /// <param name="pluginName">The plugin name, for messages.</param>
    /// <param name="requiredApiMinor">The minor of the API version the plugin requires (add_table repairs 3.0 vtables).</param>
    public TableSession(TableRegistry registry, HostOwner owner, string pluginName, uint requiredApiMinor)
    {
        Registry = registry;
        Owner = owner;
        PluginName = pluginName;
        RequiredApiMinor = requiredApiMinor;
        owner.Tables = this;
    }

    public TableRegistry Registry { get; }

    public HostOwner Owner { get; }

    public string PluginName { get; }

    public uint RequiredApiMinor { get; }

    /// <summary>
    /// Reads the plugin's own get_last_error: copied into other plugins' errors when a table
    /// this plugin added fails. Until the plugin has a state it gives libsinsp's fallback text.
    /// </summary>
    public Func<string> PluginLastError { get; set; } = static () => "plugin handle or 'get_last_error' function not defined";

    /// <summary>How many entry handles are alive (obtained, created, or being iterated).</summary>
    public int LiveEntryHandles => _entries.Count;

    /// <summary>How many nested table handles are bound (valid until the callback returns).</summary>
    public int LiveNestedTables => _nestedInUse.Count;

    /// <summary>list_tables: every table of the registry; the array lives until the next call.</summary>
    public TableInfo* ListTables(uint* count)
    {
        var infos = new List<TableInfo>();
        foreach (RegisteredTable table in Registry.Tables)
        {
            infos.Add(new TableInfo { Name = table.NativeName, KeyType = table.KeyType });
        }

        *count = (uint)infos.Count;
        return _tableInfos.Fill(infos);
    }

    /// <summary>
    /// get_table: the plugin's accessor of the table, made on first use and the same pointer
    /// afterwards. An unknown name gives NULL with no error, as in libsinsp.
    /// </summary>
    public TableInput* GetTable(string name, StateType keyType)
    {
        StateTypeNames.RequireKnown(keyType);
        RegisteredTable? table = Registry.Find(name);
        if (table is null)
        {
            return null;
        }

        // libsinsp checks the key type on the first call only; checking every call catches more.
        if (table.KeyType != keyType)
        {
            throw new TableApiException(
                $"table in registry accessed with wrong key type: table='{name}', requested='{StateTypeNames.Of(keyType)}', actual='{StateTypeNames.Of(table.KeyType)}'");
        }

        if (keyType == StateType.Table)
        {
            throw new TableApiException("unsupported libsinsp::state::table_accessor::set usage with table-type key");
        }

        if (!_accessedTables.TryGetValue(name, out TableAccessor? accessor) || accessor.Table != table)
        {
            // The name now means another table (its first owner was destroyed). The plugin may
            // still hold the old handle, so it stays allocated, failing with a message, until the plugin goes.
            if (accessor is not null)
            {
                _retiredAccessors.Add(accessor);
            }

            accessor = new TableAccessor(this, table);
            _accessedTables[name] = accessor;
        }

        return accessor.Input;
    }

    /// <summary>add_table: checks and copies the input, then registers the table as owned by this plugin.</summary>
    public void AddTable(TableInput* input)
    {
        CheckedTableInput checkedInput = CheckedTableInput.From(PluginName, RequiredApiMinor, input);
        Registry.Add(new PluginOwnedTable(this, checkedInput));
    }

    /// <summary>Binds a nested table read from a field to a handle that lives until the callback returns.</summary>
    public TableInput* BindNestedTable(RegisteredTable table)
    {
        TableAccessor accessor = _nestedUnbound.Count > 0 ? _nestedUnbound.Dequeue() : new TableAccessor(this, null);
        accessor.Bind(table);
        _nestedInUse.Add(accessor);
        return accessor.Input;
    }

    public void* IssueEntry(RegisteredTable table, TableEntry entry, EntryHandleKind kind)
    {
        var handle = new EntryHandle(table, entry, kind);
        handle.Token = _entries.Add(handle);
        return (void*)handle.Token;
    }

    /// <summary>The entry behind <paramref name="pointer"/>, which must belong to <paramref name="table"/>.</summary>
    public EntryHandle ResolveEntry(void* pointer, RegisteredTable table)
    {
        EntryHandle handle = _entries.Find((nint)pointer)
            ?? throw new TableApiException("invalid table entry handle: it was released, or obtained in a callback that has returned");
        return handle.Table.FieldScope == table.FieldScope
            ? handle
            : throw new TableApiException($"table entry handle does not belong to table '{table.Name}'");
    }

    /// <summary>release_table_entry: ends an obtained handle. Handles of other kinds are left alone, silently, as the call has no result.</summary>
    public void ReleaseEntry(void* pointer, RegisteredTable table)
    {
        EntryHandle handle = ResolveEntry(pointer, table);
        if (handle.Kind == EntryHandleKind.Accessed)
        {
            _entries.Remove(handle.Token);
            table.ReleaseEntry(handle.Entry);
        }
    }

    /// <summary>A created (detached) entry of the plugin, for add or destroy; the caller forgets it once that succeeded.</summary>
    public EntryHandle FindCreatedEntry(void* pointer, RegisteredTable table, string notCreatedMessage)
    {
        EntryHandle? handle = _entries.Find((nint)pointer);
        return handle is not null && handle.Kind == EntryHandleKind.Created && handle.Table.FieldScope == table.FieldScope
            ? handle
            : throw new TableApiException(notCreatedMessage);
    }

    public void ForgetEntry(nint token) => _entries.Remove(token);

    /// <summary>A field handle for the plugin: the same pointer every time for one field of one table kind.</summary>
    public void* IssueField(TableField field)
    {
        (object, string) key = (field.Scope, field.Name);
        if (!_fieldHandles.TryGetValue(key, out nint token) || _fields.Find(token) is not { } known || known.Type != field.Type)
        {
            token = _fields.Add(field);
            _fieldHandles[key] = token;
        }

        return (void*)token;
    }

    /// <summary>The field behind <paramref name="pointer"/>, which must be valid for <paramref name="table"/>.</summary>
    public TableField ResolveField(void* pointer, RegisteredTable table)
    {
        TableField field = _fields.Find((nint)pointer)
            ?? throw new TableApiException("invalid table field handle: it was not obtained by this plugin with get_table_field or add_table_field");
        return field.Scope == table.FieldScope
            ? field
            : throw new TableApiException($"field '{field.Name}' does not belong to table '{table.Name}'");
    }

    /// <summary>
    /// What libsinsp does when init, parse_event or extract_fields returns: entries still held
    /// are released, created entries never added are destroyed, and nested table handles are
    /// unset (a stale one then fails with a message instead of reaching another table).
    /// </summary>
    public void EndCallback()
    {
        foreach (EntryHandle handle in _entries.RemoveAll())
        {
            try
            {
                switch (handle.Kind)
                {
                    case EntryHandleKind.Accessed:
                        handle.Table.ReleaseEntry(handle.Entry);
                        break;
                    case EntryHandleKind.Created:
                        handle.Table.DestroyEntry(handle.Entry);
                        break;
                }
            }
            catch (TableApiException)
            {
                // The owner of the table is gone; there is nobody left to release to.
            }
        }

        foreach (TableAccessor accessor in _nestedInUse)
        {
            accessor.Unbind();
            _nestedUnbound.Enqueue(accessor);
        }

        _nestedInUse.Clear();
    }

    /// <summary>Ends the session with its plugin: every handle dies, and the tables the plugin added leave the registry.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        EndCallback();
        foreach (TableAccessor accessor in _accessedTables.Values)
        {
            accessor.Dispose();
        }

        foreach (TableAccessor accessor in _nestedUnbound)
        {
            accessor.Dispose();
        }

        foreach (TableAccessor accessor in _retiredAccessors)
        {
            accessor.Dispose();
        }

        _retiredAccessors.Clear();
        _accessedTables.Clear();
        _nestedUnbound.Clear();
        _fields.RemoveAll();
        _fieldHandles.Clear();
        _tableInfos.Dispose();
        Registry.DropTablesAddedBy(this);
        Owner.Tables = null;
    }
}

using System;
using System.Collections.Generic;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// The tables shared by the plugins of one host (libsinsp's <c>table_registry</c>): the
/// host's <c>threads</c> table, plus every table a plugin added. Names are unique.
/// </summary>
internal sealed class TableRegistry : IDisposable
{
    private readonly List<RegisteredTable> _tables = new();
    private readonly ThreadTableSchemas _schemas = new();

    /// <summary>Tables of destroyed plugins: the field names passed to them are freed with the registry.</summary>
    private readonly List<PluginOwnedTable> _dropped = new();

    public TableRegistry()
    {
        Threads = _schemas.NewThreadsTable();
        _tables.Add(Threads);
    }

    /// <summary>The host's <c>threads</c> table.</summary>
    public HostTable Threads { get; }

    public ThreadTableSchemas Schemas => _schemas;

    /// <summary>The tables in the order they were registered.</summary>
    public IReadOnlyList<RegisteredTable> Tables => _tables.ToArray();

    public RegisteredTable? Find(string name) => _tables.Find(table => string.Equals(table.Name, name, StringComparison.Ordinal));

    public void Add(RegisteredTable table)
    {
        if (Find(table.Name) is not null)
        {
            throw new TableApiException("table added to registry multiple times: " + table.Name);
        }

        _tables.Add(table);
    }

    /// <summary>
    /// Unregisters the tables a destroyed plugin added. Other plugins' handles to them stay
    /// known but fail with a message, since the owner's functions and data may be gone.
    /// </summary>
    public void DropTablesAddedBy(TableSession session)
    {
        foreach (RegisteredTable table in _tables.ToArray())
        {
            if (table.AddedBy == session && table is PluginOwnedTable owned)
            {
                owned.Dropped = true;
                _tables.Remove(table);
                _dropped.Add(owned);
            }
        }
    }

    public void Dispose()
    {
        foreach (RegisteredTable table in _tables.ToArray())
        {
            if (table.AddedBy is { } owner)
            {
                DropTablesAddedBy(owner);
            }
        }

        foreach (PluginOwnedTable table in _dropped)
        {
            table.FreeFieldNames();
        }

        _dropped.Clear();
        Threads.FreeNativeStrings();
        Threads.RemoveAll();
        _schemas.Dispose();
    }
}

using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>
/// Read access to state tables during one callback (field extraction gets only this). A ref
/// struct, so it cannot outlive the callback that received it, as the framework requires.
/// </summary>
public readonly unsafe ref struct TableReader
{
    private readonly TableApi _api;

    internal TableReader(TableApi api)
    {
        _api = api;
    }

    /// <summary>Whether the framework gave table access for this call.</summary>
    public bool IsAvailable => _api.CanRead;

    /// <summary>Read access to <paramref name="table"/>.</summary>
    /// <exception cref="PluginException">The framework gave no table access for this call.</exception>
    public ReadableTable<TKey> Table<TKey>(ImportedTable<TKey> table)
    {
        System.ArgumentNullException.ThrowIfNull(table);
        return new ReadableTable<TKey>(Require(), table.Handle, table.Name, table);
    }

    private TableApi Require() =>
        _api.CanRead ? _api : throw new PluginException("no table access in this call: take a TableRegistry in the plugin constructor to use tables");
}

/// <summary>
/// Read and write access to state tables during one callback (event parsing gets this). A ref
/// struct, so it cannot outlive the callback that received it.
/// </summary>
public readonly unsafe ref struct TableWriter
{
    private readonly TableApi _api;

    internal TableWriter(TableApi api)
    {
        _api = api;
    }

    /// <summary>Whether the framework gave table access for this call.</summary>
    public bool IsAvailable => _api.CanRead && _api.CanWrite;

    /// <summary>The read-only view of the same access.</summary>
    public TableReader Reader => new(new TableApi(_api.Reader, null, _api.Owner, _api.OwnerLastError));

    /// <summary>Read and write access to <paramref name="table"/>.</summary>
    /// <exception cref="PluginException">The framework gave no table access for this call.</exception>
    public WritableTable<TKey> Table<TKey>(ImportedTable<TKey> table)
    {
        System.ArgumentNullException.ThrowIfNull(table);
        return new WritableTable<TKey>(Require(), table.Handle, table.Name, table);
    }

    private TableApi Require() =>
        IsAvailable ? _api : throw new PluginException("no table access in this call: take a TableRegistry in the plugin constructor to use tables");
}

using System;
using System.Collections.Generic;
using Falco.Plugins.Testing.Running;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// The framework around plugins, as one libsinsp inspector is: the plugins loaded into it
/// share its state tables (the <c>threads</c> table and every table a plugin adds), and
/// <see cref="Parse"/> runs their parsers like libsinsp does before extraction. Tests seed
/// and inspect the state through <see cref="Threads"/> and <see cref="GetTable"/>. The host
/// also owns what plugins reach from their own threads: the async event queue
/// (<see cref="AsyncEvents"/>) and the routine pool (<see cref="Routines"/>).
/// </summary>
public sealed partial class PluginHost : IDisposable
{
    private readonly List<Plugin> _plugins = new();
    private readonly List<InProcessPlugin> _inProcessPlugins = new();
    private readonly HostOwner _viewOwner;
    private readonly TableSession _viewSession;
    private bool _disposed;

    /// <summary>Creates a host with an empty <c>threads</c> table.</summary>
    public PluginHost(PluginHostOptions? options = null)
    {
        Options = options ?? PluginHostOptions.Default;
        Registry = new TableRegistry();
        Threads = new ThreadTable(Registry);
        // The managed views call tables as a plugin would, so errors of plugin-owned tables reach them.
        _viewOwner = new HostOwner("plugin host", sink: null);
        _viewSession = new TableSession(Registry, _viewOwner, "plugin host", (uint)Options.ApiVersion.Minor);
    }

    /// <summary>The settings plugins of this host are loaded with.</summary>
    public PluginHostOptions Options { get; }

    /// <summary>The live plugins, in load order.</summary>
    public IReadOnlyList<Plugin> Plugins => _plugins.ToArray();

    /// <summary>The <c>threads</c> table, to seed threads and file descriptors and read what plugins wrote.</summary>
    public ThreadTable Threads { get; }

    /// <summary>The tables of the registry (what list_tables reports), in registration order.</summary>
    public IReadOnlyList<StateTableInfo> Tables
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var tables = new List<StateTableInfo>();
            foreach (RegisteredTable table in Registry.Tables)
            {
                tables.Add(new StateTableInfo(table.Name, table.KeyType, table.AddedBy?.PluginName));
            }

            return tables;
        }
    }

    internal TableRegistry Registry { get; }

    /// <summary>A view of the registered table <paramref name="name"/>, host-owned or added by a plugin.</summary>
    /// <exception cref="KeyNotFoundException">No such table is registered.</exception>
    public StateTable GetTable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Registry.Find(name) is not null
            ? new StateTable(_viewSession, name)
            : throw new KeyNotFoundException($"no table named '{name}' is registered");
    }

    /// <summary>Loads the plugin at <paramref name="path"/> into this host and initializes it with <paramref name="config"/>.</summary>
    /// <exception cref="PluginHostException">Loading or init fails, or the host already has a plugin of that name or source id.</exception>
    public Plugin Load(string path, string config = "") => Load(path, config, pluginOwnsHost: false);

    /// <summary>
    /// Runs parse_event of every plugin that parses <paramref name="evt"/> (its parse event
    /// types and sources accept it), in load order, as libsinsp does before extraction.
    /// Returns the plugins that parsed the event.
    /// </summary>
    /// <exception cref="ArgumentException">The event has no source (libsinsp gives every event one).</exception>
    /// <exception cref="PluginHostException">A parser failed; the others still ran.</exception>
    public IReadOnlyList<Plugin> Parse(CapturedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (evt.Source.Length == 0)
        {
            throw new ArgumentException("the event has no source: build it with the name of its event source", nameof(evt));
        }

        var parsed = new List<Plugin>();
        var failures = new List<string>();
        foreach (Plugin plugin in _plugins.ToArray())
        {
            if (!plugin.ParsesEvent(evt))
            {
                continue;
            }

            parsed.Add(plugin);
            if (plugin.TryParse(evt) != 0)
            {
                failures.Add($"plugin {plugin.Info.Name} failed to parse event {evt.Number}: {plugin.LastError}");
            }
        }

        return failures.Count == 0 ? parsed : throw new PluginHostException(string.Join("; ", failures));
    }

    /// <summary>
    /// Adds a stand-in for a plugin that lives in the calling process: it gets an owner, the
    /// init tables input and the table vtables a real plugin would, so the table API can be
    /// driven from .NET code (with [UnmanagedCallersOnly] callbacks where a plugin implements
    /// tables).
    /// </summary>
    /// <param name="name">The plugin name, used in libsinsp's messages.</param>
    /// <param name="getLastError">The plugin's <c>const char* get_last_error(ss_plugin_t*)</c>, read when a table it added fails; 0 for none.</param>
    /// <param name="state">The <c>ss_plugin_t*</c> passed to <paramref name="getLastError"/>.</param>
    /// <param name="requiredApiMinor">The minor of the plugin API version the stand-in requires (add_table repairs 3.0 vtables).</param>
    public InProcessPlugin AddInProcessPlugin(string name, nint getLastError = 0, nint state = 0, uint requiredApiMinor = 12)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var plugin = new InProcessPlugin(this, name, getLastError, state, requiredApiMinor);
        _inProcessPlugins.Add(plugin);
        return plugin;
    }

    /// <summary>Destroys the plugins in reverse load order, then the table registry.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (Plugin plugin in Reversed(_plugins))
        {
            plugin.Dispose();
        }

        foreach (InProcessPlugin plugin in Reversed(_inProcessPlugins))
        {
            plugin.Dispose();
        }

        Routines.CloseAll();

        _viewSession.Dispose();
        _viewOwner.Dispose();
        Registry.Dispose();
    }

    internal Plugin Load(string path, string config, bool pluginOwnsHost)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PluginLibrary library = PluginLibrary.Load(path, Options);
        try
        {
            return Init(library, config, ownsLibrary: true, pluginOwnsHost);
        }
        catch
        {
            library.Dispose();
            throw;
        }
    }

    internal Plugin Init(PluginLibrary library, string config, bool ownsLibrary, bool pluginOwnsHost)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckUnique(library.Info);
        var plugin = new Plugin(library, config, ownsLibrary, this, pluginOwnsHost);
        _plugins.Add(plugin);
        return plugin;
    }

    internal void PluginDisposed(Plugin plugin) => _plugins.Remove(plugin);

    internal void PluginDisposed(InProcessPlugin plugin) => _inProcessPlugins.Remove(plugin);

    /// <summary>libsinsp's plugin manager refuses a second plugin of a name, or of a source id.</summary>
    private void CheckUnique(PluginInfo info)
    {
        foreach (Plugin other in _plugins)
        {
            if (string.Equals(other.Info.Name, info.Name, StringComparison.Ordinal))
            {
                throw new PluginHostException($"found another plugin with name {info.Name}. Aborting.");
            }

            if (info.Id != 0 && other.Info.Id == info.Id)
            {
                throw new PluginHostException($"found another plugin with ID {info.Id}. Aborting.");
            }
        }
    }

    private static T[] Reversed<T>(List<T> items)
    {
        T[] copy = items.ToArray();
        Array.Reverse(copy);
        return copy;
    }
}

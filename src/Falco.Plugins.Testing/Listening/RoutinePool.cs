using System.Collections.Generic;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// The host's thread pool for plugin routines (API 3.7): every routine gets a thread of its
/// own, so there are always as many threads as routines. Unsubscribing waits for the call in
/// progress (except when a routine unsubscribes itself: its call returns afterwards); a routine
/// that ended by returning false can still be unsubscribed, once. Disposing a plugin stops its
/// routines before its state is destroyed, so a routine never runs on a destroyed state.
/// Routines may use the table API, but the host does not serialize that against other callbacks.
/// Every member is thread-safe.
/// </summary>
public sealed unsafe class RoutinePool
{
    private readonly object _lock = new();
    private readonly List<SubscribedRoutine> _routines = new();
    private readonly HandleTable<SubscribedRoutine> _handles = new();
    private readonly HashSet<Plugin> _closedPlugins = new();

    internal RoutinePool()
    {
    }

    /// <summary>How many routines are running.</summary>
    public int Active
    {
        get
        {
            lock (_lock)
            {
                int active = 0;
                foreach (SubscribedRoutine routine in _routines)
                {
                    active += routine.Status == RoutineStatus.Running ? 1 : 0;
                }

                return active;
            }
        }
    }

    /// <summary>Every routine subscribed in this host, running or ended, in subscription order.</summary>
    public IReadOnlyList<SubscribedRoutine> All
    {
        get
        {
            lock (_lock)
            {
                return _routines.ToArray();
            }
        }
    }

    /// <summary>The routines <paramref name="plugin"/> subscribed, in subscription order.</summary>
    public IReadOnlyList<SubscribedRoutine> Of(Plugin plugin)
    {
        lock (_lock)
        {
            return _routines.FindAll(routine => routine.Plugin == plugin);
        }
    }

    /// <summary>Starts a routine; returns its handle, or 0 with the reason in <paramref name="error"/>.</summary>
    internal nint Subscribe(Plugin plugin, delegate* unmanaged<void*, void*, uint> function, nint pluginState, nint routineState, out string? error)
    {
        lock (_lock)
        {
            if (_closedPlugins.Contains(plugin))
            {
                error = $"plugin {plugin.Info.Name} is being destroyed: no routine can start";
                return 0;
            }

            var routine = new SubscribedRoutine(plugin, function, pluginState, routineState, _routines.Count + 1);
            routine.Handle = _handles.Add(routine);
            _routines.Add(routine);
            routine.Start();
            error = null;
            return routine.Handle;
        }
    }

    /// <summary>Stops a routine of <paramref name="plugin"/> and waits for its current call; returns the error for the plugin, or null.</summary>
    internal string? Unsubscribe(Plugin plugin, nint handle)
    {
        SubscribedRoutine? routine = _handles.Find(handle);
        if (routine is null)
        {
            return "unknown routine handle: it was not returned by subscribe, or was already unsubscribed";
        }

        if (routine.Plugin != plugin)
        {
            return $"routine handle belongs to plugin {routine.PluginName}";
        }

        if (!_handles.Remove(handle))
        {
            return "unknown routine handle: it was already unsubscribed";
        }

        routine.RequestStop(RoutineStatus.Unsubscribed);
        routine.WaitForStop();
        return null;
    }

    /// <summary>Stops every routine of <paramref name="plugin"/> and refuses new ones: its state is about to be destroyed.</summary>
    internal void Close(Plugin plugin)
    {
        List<SubscribedRoutine> routines;
        lock (_lock)
        {
            _closedPlugins.Add(plugin);
            routines = _routines.FindAll(routine => routine.Plugin == plugin);
        }

        Stop(routines);
    }

    /// <summary>Stops every routine left (the host is disposed).</summary>
    internal void CloseAll()
    {
        List<SubscribedRoutine> routines;
        lock (_lock)
        {
            routines = new List<SubscribedRoutine>(_routines);
        }

        Stop(routines);
    }

    private void Stop(List<SubscribedRoutine> routines)
    {
        foreach (SubscribedRoutine routine in routines)
        {
            _handles.Remove(routine.Handle);
            routine.RequestStop(RoutineStatus.Stopped);
        }

        foreach (SubscribedRoutine routine in routines)
        {
            routine.WaitForStop();
        }
    }
}

using System;
using System.Threading;

namespace Falco.Plugins.Testing;

/// <summary>
/// A routine a plugin subscribed through the routine vtable of the capture listen input: the
/// host calls <c>fn(plugin_state, routine_state)</c> over and over on a thread of its own until
/// it returns false (0) or is unsubscribed, as libsinsp's thread pool does.
/// </summary>
public sealed unsafe class SubscribedRoutine
{
    private readonly delegate* unmanaged<void*, void*, uint> _function;
    private readonly nint _pluginState;
    private readonly Thread _thread;
    private long _calls;
    private volatile bool _stopRequested;
    private volatile RoutineStatus _status = RoutineStatus.Running;
    private RoutineStatus _stopReason;

    internal SubscribedRoutine(Plugin plugin, delegate* unmanaged<void*, void*, uint> function, nint pluginState, nint routineState, int number)
    {
        Plugin = plugin;
        _function = function;
        _pluginState = pluginState;
        RoutineState = routineState;
        _thread = new Thread(Run) { IsBackground = true, Name = $"routine {number} of {plugin.Info.Name}" };
    }

    /// <summary>The name of the plugin that subscribed the routine.</summary>
    public string PluginName => Plugin.Info.Name;

    /// <summary>The <c>ss_plugin_routine_t*</c> subscribe returned.</summary>
    public nint Handle { get; internal set; }

    /// <summary>The <c>ss_plugin_routine_state_t*</c> the plugin passed to subscribe.</summary>
    public nint RoutineState { get; }

    /// <summary>How many calls of the routine have returned.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Whether it still runs, and otherwise why it ended.</summary>
    public RoutineStatus Status => _status;

    internal Plugin Plugin { get; }

    /// <summary>Waits until the routine has ended; false when it still runs after <paramref name="timeout"/>.</summary>
    public bool WaitForEnd(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>Waits until at least <paramref name="count"/> calls have returned; false when fewer did within <paramref name="timeout"/>.</summary>
    public bool WaitForCalls(long count, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (Calls < count)
        {
            if (DateTime.UtcNow >= deadline || (_status != RoutineStatus.Running && Calls < count))
            {
                return Calls >= count;
            }

            Thread.Sleep(1);
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"routine {Handle:x} of {PluginName}: {Status}, {Calls} calls";

    internal void Start() => _thread.Start();

    /// <summary>Asks the routine to stop before its next call; the first reason given sticks.</summary>
    internal void RequestStop(RoutineStatus reason)
    {
        if (!_stopRequested)
        {
            _stopReason = reason;
            _stopRequested = true;
        }
    }

    /// <summary>Waits for the call in progress to return, unless the caller is the routine itself (it could never return then).</summary>
    internal void WaitForStop()
    {
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        while (!_stopRequested)
        {
            uint more = _function((void*)_pluginState, (void*)RoutineState);
            Interlocked.Increment(ref _calls);
            if (more == 0)
            {
                _status = RoutineStatus.Finished;
                return;
            }

            // A routine that returns at once would otherwise keep a core busy; libsinsp's pool
            // also queues it behind other work before calling it again.
            Thread.Yield();
        }

        _status = _stopReason;
    }
}

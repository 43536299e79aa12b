using System;
using System.Threading;
using System.Threading.Tasks;

namespace Falco.Plugins;

/// <summary>
/// The async events capability: the plugin produces events of its own, outside the capture
/// loop (e.g. from a watcher or a timer), which the framework injects into the event stream.
/// Declare their names with <see cref="AsyncEventsAttribute"/>. When the framework sets its
/// handler, the SDK starts <see cref="RunAsync"/> on the thread pool; when it clears the
/// handler, the SDK cancels the token and waits for the task to end before returning, and the
/// emitter refuses events from then on.
/// </summary>
public interface IAsyncEventProvider
{
    /// <summary>Produces events through <paramref name="events"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    Task RunAsync(AsyncEventEmitter events, CancellationToken cancellationToken);
}

/// <summary>
/// A plugin that can emit its state as async events when the framework asks (API 3.10), e.g.
/// when it writes a capture file, so that reading the file back restores the state.
/// </summary>
public interface IStateDumper
{
    /// <summary>Emits the plugin's state through <paramref name="events"/>, before returning.</summary>
    void DumpState(AsyncEventEmitter events);
}

/// <summary>Declares the names of the async events a plugin emits; others are refused.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AsyncEventsAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public AsyncEventsAttribute(params string[] names)
    {
        Names = names;
    }

    /// <summary>The event names.</summary>
    public string[] Names { get; }
}

/// <summary>Names the event sources a plugin's async events belong to (e.g. <c>"syscall"</c>); without it, the plugin's own source, or every source.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AsyncEventSourcesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public AsyncEventSourcesAttribute(params string[] sources)
    {
        Sources = sources;
    }

    /// <summary>The event source names.</summary>
    public string[] Sources { get; }
}

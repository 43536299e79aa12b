namespace Falco.Plugins;

/// <summary>
/// The event sourcing capability: the plugin produces events of its own event source.
/// <see cref="SourceId"/> and <see cref="EventSource"/> must be constants (expression-bodied
/// literals): the SDK reports them before <c>plugin_init</c>, as the framework asks for them
/// then. Ids are assigned by the Falco plugin registry; 999 is reserved for development.
/// </summary>
/// <typeparam name="TInstance">The type of an open capture.</typeparam>
public interface IEventSource<TInstance>
    where TInstance : class, IEventSourceInstance
{
    /// <summary>The event source id (the plugin id written into every event); non-zero.</summary>
    static abstract uint SourceId { get; }

    /// <summary>The event source name that rules refer to with <c>source:</c>; not <c>syscall</c>.</summary>
    static abstract string EventSource { get; }

    /// <summary>Opens a capture. Throw <see cref="PluginException"/> for bad parameters.</summary>
    /// <param name="parameters">The open parameters string (empty when none were given).</param>
    TInstance Open(string parameters);
}

/// <summary>
/// An open capture of an event source. The framework calls <see cref="NextBatch"/> in a loop
/// from one thread; when the capture is closed, the instance is disposed if it implements
/// <see cref="System.IDisposable"/>.
/// </summary>
public interface IEventSourceInstance
{
    /// <summary>
    /// The maximum number of events one <see cref="NextBatch"/> call may add. Larger batches
    /// cost fewer calls; smaller ones lower latency.
    /// </summary>
    int BatchCapacity => EventBatch.DefaultCapacity;

    /// <summary>
    /// Adds the events that are ready to <paramref name="batch"/>. Return
    /// <see cref="BatchStatus.Timeout"/> when none are (the framework calls again),
    /// <see cref="BatchStatus.Eof"/> when the capture is over: events added before are still
    /// delivered. Throwing fails the capture with the exception's message.
    /// </summary>
    BatchStatus NextBatch(EventBatch batch);
}

/// <summary>What a <see cref="IEventSourceInstance.NextBatch"/> call reports.</summary>
public enum BatchStatus
{
    /// <summary>Events were added; call again. An empty batch is reported as a timeout.</summary>
    Ok = 0,

    /// <summary>No more events are ready for now; call again later.</summary>
    Timeout,

    /// <summary>The capture is over.</summary>
    Eof,
}

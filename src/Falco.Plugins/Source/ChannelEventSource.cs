using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Falco.Plugins.Source;

namespace Falco.Plugins;

/// <summary>Settings of push-style sources.</summary>
public sealed record PushSourceOptions
{
    /// <summary>How many events wait in the queue before producers wait (backpressure).</summary>
    public int QueueCapacity { get; init; } = 4096;

    /// <summary>How long next_batch waits for a first event before reporting a timeout.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>The most events one next_batch call returns.</summary>
    public int BatchCapacity { get; init; } = EventBatch.DefaultCapacity;

    /// <summary>How long closing the capture waits for the producer to stop.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// A push-style open capture: code on any thread writes events to <see cref="Writer"/> (a
/// bounded <see cref="ChannelWriter{T}"/>), and each next_batch call returns what is ready,
/// or a timeout when nothing arrives within <see cref="PushSourceOptions.MaxWait"/>.
/// Completing the writer ends the capture once the queue is drained; completing it with an
/// exception fails the capture with that exception's message.
/// </summary>
public sealed class ChannelEventSource : IEventSourceInstance, IDisposable
{
    private readonly PushQueue _queue;
    private readonly PushSourceOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private Task? _producer;

    /// <summary>Creates a source fed through <see cref="Writer"/>.</summary>
    public ChannelEventSource(PushSourceOptions? options = null)
    {
        _options = options ?? new PushSourceOptions();
        _queue = new PushQueue(_options.QueueCapacity, _options.MaxWait);
    }

    /// <summary>Where producers write events.</summary>
    public ChannelWriter<PluginEvent> Writer => _queue.Writer;

    /// <summary>Cancelled when the capture is closed: producers should stop then.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <inheritdoc />
    public int BatchCapacity => _options.BatchCapacity;

    /// <summary>
    /// Creates a source fed by the events <paramref name="produce"/> yields, on the thread pool.
    /// The capture ends when the sequence ends; the token is cancelled when the capture closes.
    /// </summary>
    public static ChannelEventSource FromAsyncEnumerable(Func<CancellationToken, IAsyncEnumerable<PluginEvent>> produce, PushSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(produce);
        var source = new ChannelEventSource(options);
        source._producer = source._queue.Pump(produce, source._stop.Token);
        return source;
    }

    /// <inheritdoc />
    public BatchStatus NextBatch(EventBatch batch) => _queue.Fill(batch);

    /// <summary>Stops the producer (cancelling <see cref="Stopping"/>) and waits for it, up to <see cref="PushSourceOptions.StopTimeout"/>.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        Writer.TryComplete();
        try
        {
            _producer?.Wait(_options.StopTimeout);
        }
        catch (AggregateException)
        {
            // The producer's failure was already reported through the queue.
        }

        _stop.Dispose();
    }
}

/// <summary>
/// A push-style open capture written as an async iterator: override
/// <see cref="ReadEventsAsync"/>, yield events as they arrive; the SDK runs it on the thread
/// pool once the capture starts and turns what it yields into batches.
/// </summary>
public abstract class AsyncEventSource : IEventSourceInstance, IDisposable
{
    private readonly PushQueue _queue;
    private readonly PushSourceOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private Task? _producer;

    /// <summary>Creates the source.</summary>
    protected AsyncEventSource(PushSourceOptions? options = null)
    {
        _options = options ?? new PushSourceOptions();
        _queue = new PushQueue(_options.QueueCapacity, _options.MaxWait);
    }

    /// <inheritdoc />
    public int BatchCapacity => _options.BatchCapacity;

    /// <summary>Yields the capture's events; the sequence ending ends the capture.</summary>
    /// <param name="cancellationToken">Cancelled when the capture is closed.</param>
    protected abstract IAsyncEnumerable<PluginEvent> ReadEventsAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public BatchStatus NextBatch(EventBatch batch)
    {
        _producer ??= _queue.Pump(ReadEventsAsync, _stop.Token);
        return _queue.Fill(batch);
    }

    /// <summary>Stops the producer and waits for it, up to <see cref="PushSourceOptions.StopTimeout"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the producer; override to release more, calling the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _producer?.Wait(_options.StopTimeout);
        }
        catch (AggregateException)
        {
            // The producer's failure was already reported through the queue.
        }

        _stop.Dispose();
    }
}

using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Falco.Plugins.Source;

/// <summary>
/// The bounded queue behind push-style sources: producers write events from any thread (and
/// wait when it is full, which is the backpressure); next_batch takes what is ready, waiting
/// a short while when nothing is, so the framework's loop does not spin.
/// </summary>
internal sealed class PushQueue
{
    private readonly Channel<PluginEvent> _channel;
    private readonly TimeSpan _maxWait;
    private Task<bool>? _pendingWait;

    public PushQueue(int capacity, TimeSpan maxWait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<PluginEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _maxWait = maxWait;
    }

    public ChannelWriter<PluginEvent> Writer => _channel.Writer;

    public BatchStatus Fill(EventBatch batch)
    {
        ChannelReader<PluginEvent> reader = _channel.Reader;
        if (Drain(reader, batch) > 0)
        {
            return BatchStatus.Ok;
        }

        // Nothing is ready: wait for the first event, keeping at most one waiter registered.
        _pendingWait ??= reader.WaitToReadAsync().AsTask();
        if (_pendingWait.Wait(_maxWait))
        {
            _pendingWait = null;
            if (Drain(reader, batch) > 0)
            {
                return BatchStatus.Ok;
            }
        }

        Task completion = reader.Completion;
        if (completion.IsCompleted)
        {
            if (completion.Exception?.InnerException is { } failure)
            {
                throw new PluginException($"the event producer failed: {failure.Message}", failure);
            }

            return BatchStatus.Eof;
        }

        return BatchStatus.Timeout;
    }

    private static int Drain(ChannelReader<PluginEvent> reader, EventBatch batch)
    {
        int added = 0;
        while (!batch.IsFull && reader.TryRead(out PluginEvent evt))
        {
            batch.TryAdd(evt.Payload.Span, evt.Timestamp);
            added++;
        }

        return added;
    }

    /// <summary>Runs <paramref name="produce"/> on the thread pool, writing what it yields until it ends, fails or is cancelled.</summary>
    public Task Pump(Func<CancellationToken, System.Collections.Generic.IAsyncEnumerable<PluginEvent>> produce, CancellationToken cancellation) =>
        Task.Run(
            async () =>
            {
                try
                {
                    await foreach (PluginEvent evt in produce(cancellation).WithCancellation(cancellation).ConfigureAwait(false))
                    {
                        await _channel.Writer.WriteAsync(evt, cancellation).ConfigureAwait(false);
                    }

                    _channel.Writer.TryComplete();
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    _channel.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    _channel.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);
}

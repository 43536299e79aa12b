using System;
using System.Collections.Generic;
using System.Threading;

namespace Falco.Plugins.Examples.HttpAudit.Capture;

/// <summary>What <see cref="AuditQueue.TryEnqueue"/> did with a request's events.</summary>
internal enum EnqueueResult
{
    /// <summary>All events were queued.</summary>
    Accepted,

    /// <summary>None were: the queue has no room for all of them now.</summary>
    Full,

    /// <summary>None were: the request holds more than the queue can ever hold.</summary>
    TooLarge,

    /// <summary>None were: the capture is closing.</summary>
    Closed,
}

/// <summary>
/// The events waiting for Falco, in a <see cref="ChannelEventSource"/> whose next_batch hands
/// them over. The queue is bounded in events and in payload bytes, and takes a request's
/// events all or none, so a client told to retry never sends duplicates.
/// </summary>
internal sealed class AuditQueue : IDisposable
{
    private readonly ChannelEventSource _source;
    private readonly object _gate = new();

    // The payload sizes of the queued events, in queue order: what is freed as next_batch takes them.
    private readonly Queue<int> _sizes = new();
    private readonly int _maxEvents;
    private readonly long _maxBytes;
    private int _events;
    private long _bytes;
    private long _accepted;
    private bool _closed;

    /// <summary>Creates a queue of at most <paramref name="maxEvents"/> events and <paramref name="maxBytes"/> payload bytes.</summary>
    public AuditQueue(int maxEvents, long maxBytes)
    {
        _maxEvents = maxEvents;
        _maxBytes = maxBytes;
        _source = new ChannelEventSource(new PushSourceOptions { QueueCapacity = maxEvents });
    }

    /// <summary>The events waiting.</summary>
    public int Count => Volatile.Read(ref _events);

    /// <summary>The events accepted since the queue was created.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>The most events one next_batch call returns.</summary>
    public int BatchCapacity => _source.BatchCapacity;

    /// <summary>Queues all of <paramref name="events"/>, or none.</summary>
    /// <param name="events">The events of one request.</param>
    /// <param name="bytes">Their payload bytes in total.</param>
    public EnqueueResult TryEnqueue(ReadOnlySpan<PluginEvent> events, long bytes)
    {
        if (events.Length > _maxEvents || bytes > _maxBytes)
        {
            return EnqueueResult.TooLarge;
        }

        // The lock makes the room check and the writes one step, and keeps _sizes in channel order.
        lock (_gate)
        {
            if (_closed)
            {
                return EnqueueResult.Closed;
            }

            if (_events + events.Length > _maxEvents || _bytes + bytes > _maxBytes)
            {
                return EnqueueResult.Full;
            }

            foreach (PluginEvent evt in events)
            {
                // Cannot fail: the channel holds _maxEvents and at most _events are in it.
                _source.Writer.TryWrite(evt);
                _sizes.Enqueue(evt.Payload.Length);
            }

            _events += events.Length;
            _bytes += bytes;
            _accepted += events.Length;
        }

        return EnqueueResult.Accepted;
    }

    /// <summary>next_batch: the events that are ready, or a timeout after a short wait.</summary>
    public BatchStatus NextBatch(EventBatch batch)
    {
        int before = batch.Count;
        BatchStatus status = _source.NextBatch(batch);
        int taken = batch.Count - before;
        if (taken > 0)
        {
            Release(taken);
        }

        return status;
    }

    /// <summary>Refuses new events and stops the source.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
        }

        _source.Dispose();
    }

    private void Release(int count)
    {
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                _bytes -= _sizes.Dequeue();
            }

            _events -= count;
        }
    }
}

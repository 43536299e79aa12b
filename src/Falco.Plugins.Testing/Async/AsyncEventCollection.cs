using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace Falco.Plugins.Testing;

/// <summary>
/// The async events a host accepted and no capture has delivered yet (libsinsp's async event
/// queue), in arrival order. Plugins fill it from their own threads through the async handler;
/// a <see cref="PluginCapture"/> of the host takes events from it, and tests can read, wait
/// for, take or clear them. Queued events have number 0: a capture numbers an event when it
/// delivers it. Every member is thread-safe.
/// </summary>
public sealed class AsyncEventCollection : IReadOnlyCollection<CapturedEvent>
{
    /// <summary>How many events the queue holds at most (libsinsp's DEFAULT_ASYNC_EVENT_QUEUE_SIZE); more are dropped.</summary>
    public const int Capacity = 1000;

    private readonly object _lock = new();
    private readonly Queue<QueuedEvent> _events = new();
    private long _accepted;
    private long _droppedTooFarInFuture;
    private long _droppedQueueFull;

    internal AsyncEventCollection()
    {
    }

    /// <summary>How many events wait in the queue.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>How many events were ever queued (delivered or not).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Events dropped, still with SUCCESS for the plugin, because their timestamp was more than 10 s ahead (libsinsp logs "async event ts too far in future").</summary>
    public long DroppedTooFarInFuture => Interlocked.Read(ref _droppedTooFarInFuture);

    /// <summary>Events dropped, still with SUCCESS for the plugin, because the queue was full (libsinsp logs "async event queue is full").</summary>
    public long DroppedQueueFull => Interlocked.Read(ref _droppedQueueFull);

    /// <summary>A copy of the waiting events, oldest first.</summary>
    public IReadOnlyList<CapturedEvent> Snapshot()
    {
        lock (_lock)
        {
            var events = new List<CapturedEvent>(_events.Count);
            foreach (QueuedEvent queued in _events)
            {
                events.Add(queued.Event);
            }

            return events;
        }
    }

    /// <summary>Takes the oldest waiting event, if any.</summary>
    public bool TryDequeue([NotNullWhen(true)] out CapturedEvent? evt)
    {
        lock (_lock)
        {
            bool found = _events.TryDequeue(out QueuedEvent queued);
            evt = found ? queued.Event : null;
            return found;
        }
    }

    /// <summary>Drops every waiting event.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _events.Clear();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events wait in the queue and returns them.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/>.</exception>
    public IReadOnlyList<CapturedEvent> WaitFor(int count, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        lock (_lock)
        {
            while (_events.Count < count)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_lock, left))
                {
                    if (_events.Count >= count)
                    {
                        break;
                    }

                    throw new TimeoutException($"{_events.Count} of {count} async events arrived within {timeout.TotalSeconds:F1} s");
                }
            }

            return Snapshot();
        }
    }

    /// <inheritdoc />
    public IEnumerator<CapturedEvent> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Queues an accepted event. <paramref name="dueAtOnce"/> marks a timestamp the host
    /// assigned: libsinsp delivers such an event before the next source event whatever their times.
    /// </summary>
    internal void Enqueue(CapturedEvent evt, bool dueAtOnce)
    {
        lock (_lock)
        {
            if (_events.Count >= Capacity)
            {
                _droppedQueueFull++;
                return;
            }

            _events.Enqueue(new QueuedEvent(evt, dueAtOnce));
            _accepted++;
            Monitor.PulseAll(_lock);
        }
    }

    internal void CountTooFarInFuture() => Interlocked.Increment(ref _droppedTooFarInFuture);

    /// <summary>
    /// Takes the oldest event if it goes before a source event of time <paramref name="sourceTimestamp"/>
    /// (libsinsp's rule: a host-assigned time, or a time not after the source event's), or
    /// unconditionally when <paramref name="sourceTimestamp"/> is null (the source timed out).
    /// </summary>
    internal bool TryDequeueBefore(ulong? sourceTimestamp, [NotNullWhen(true)] out CapturedEvent? evt)
    {
        evt = null;
        lock (_lock)
        {
            if (!_events.TryPeek(out QueuedEvent head)
                || (sourceTimestamp is { } limit && !head.DueAtOnce && head.Event.Timestamp > limit))
            {
                return false;
            }

            evt = _events.Dequeue().Event;
            return true;
        }
    }

    private readonly record struct QueuedEvent(CapturedEvent Event, bool DueAtOnce);
}

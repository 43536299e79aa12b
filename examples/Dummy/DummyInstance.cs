using System;

namespace Falco.Plugins.Examples.Dummy;

/// <summary>
/// An open capture: produces <c>maxEvents</c> samples, each the previous one plus 1 plus a
/// random jitter, as decimal text, then reports the end of the capture.
/// </summary>
public sealed class DummyInstance : IEventSourceInstance, IProgressReporter
{
    private readonly DummyPlugin _plugin;
    private readonly ulong _maxEvents;
    private ulong _sample;
    private ulong _produced;

    internal DummyInstance(DummyPlugin plugin, DummyOpenParams parameters)
    {
        _plugin = plugin;
        _sample = parameters.Start;
        _maxEvents = parameters.MaxEvents;
        BatchCapacity = parameters.BatchSize;
    }

    /// <inheritdoc />
    public int BatchCapacity { get; }

    /// <inheritdoc />
    public BatchStatus NextBatch(EventBatch batch)
    {
        while (!batch.IsFull)
        {
            if (_produced >= _maxEvents)
            {
                return BatchStatus.Eof;
            }

            _sample += 1 + _plugin.NextJitter();
            _produced++;
            batch.TryAddFormatted(_sample, EventTime.Now());
        }

        return BatchStatus.Ok;
    }

    /// <inheritdoc />
    public Progress GetProgress() =>
        _maxEvents == 0 ? new Progress(100, "0/0") : new Progress(100.0 * _produced / _maxEvents, $"{_produced}/{_maxEvents}");
}

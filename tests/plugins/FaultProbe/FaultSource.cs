using System;

namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>
/// The pull-style capture: each next_batch call adds the next counter values (payload "1",
/// "2", ...) up to the open parameters' count. next_batch, close and get_progress can fault.
/// </summary>
public sealed class FaultSource : IFaultProbeInstance, IDisposable
{
    /// <summary>The size of the payload of the <c>huge_payload</c> fault.</summary>
    public const int HugePayloadLength = 8 * 1024 * 1024;

    private readonly FaultPlan _faults;
    private readonly int _count;
    private int _produced;

    internal FaultSource(FaultPlan faults, int count)
    {
        _faults = faults;
        _count = count;
    }

    /// <inheritdoc />
    public int BatchCapacity => 4;

    /// <inheritdoc />
    public BatchStatus NextBatch(EventBatch batch)
    {
        if (_faults.Strikes(FaultPoint.NextBatch))
        {
            AddEvents(batch, _faults.Spec!.AfterEvents);
            _faults.Inject(FaultPoint.NextBatch);
        }
        else if (_faults.MalformedStrike(FaultPoint.NextBatch) is { } variant)
        {
            return Malformed(batch, variant);
        }

        return AddEvents(batch, batch.Capacity);
    }

    /// <inheritdoc />
    public Progress GetProgress()
    {
        _faults.At(FaultPoint.GetProgress);
        return _faults.MalformedStrike(FaultPoint.GetProgress) switch
        {
            "nan" => new Progress(double.NaN, "nan"),
            "over_100" => new Progress(250, "over"),
            "negative" => new Progress(-5, "negative"),
            "null_detail" => new Progress(50, null),
            _ => new Progress(_produced * 100.0 / Math.Max(1, _count), $"{_produced}/{_count} events"),
        };
    }

    /// <summary>Closes the capture (plugin_close).</summary>
    public void Dispose() => _faults.At(FaultPoint.Close);

    private BatchStatus AddEvents(EventBatch batch, int max)
    {
        for (int added = 0; added < max && !batch.IsFull; added++)
        {
            if (_produced >= _count)
            {
                return BatchStatus.Eof;
            }

            batch.TryAddFormatted(++_produced);
        }

        return BatchStatus.Ok;
    }

    private BatchStatus Malformed(EventBatch batch, string variant)
    {
        switch (variant)
        {
            case "oversized_commit":
                batch.GetPayloadBuffer(16);
                batch.Commit(32);
                break;
            case "commit_without_reserve":
                batch.Commit(1);
                break;
            case "negative_reserve":
                batch.GetPayloadBuffer(-1);
                break;
            case "batch_overflow":
                while (!batch.IsFull)
                {
                    batch.TryAddFormatted(++_produced);
                }

                batch.GetPayloadBuffer(8);
                break;
            case "unknown_status":
                batch.TryAddFormatted(++_produced);
                return (BatchStatus)42;
            case "huge_payload":
                Span<byte> payload = batch.GetPayloadBuffer(HugePayloadLength);
                payload.Fill((byte)'x');
                batch.Commit(HugePayloadLength);
                break;
        }

        return BatchStatus.Ok;
    }
}

using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Falco.Plugins.Tests.FaultProbe;

// Async events and dump_state.
public sealed partial class FaultProbePlugin : IAsyncEventProvider, IStateDumper
{
    private static readonly byte[] Tiny = new byte[16];
    private int _runs;

    /// <summary>
    /// Emits <see cref="FaultProbeConfig.AsyncTicks"/> <c>fault_tick</c> events, then waits for
    /// cancellation. Async start faults strike before the first event; async stop faults once
    /// the token is cancelled (a block there ignores the cancellation).
    /// </summary>
    public async Task RunAsync(AsyncEventEmitter events, CancellationToken cancellationToken)
    {
        int run = Interlocked.Increment(ref _runs);
        _faults.At(FaultPoint.AsyncStart);
        switch (_faults.MalformedStrike(FaultPoint.AsyncStart))
        {
            case "undeclared_name":
                events.Emit("undeclared", "x"u8);
                break;
            case "oversized_data":
                TryEmit(events, "fault_tick", OversizedData());
                break;
            case "future_timestamp":
                TryEmit(events, "fault_tick", "future"u8, EventTime.Now() + (ulong)TimeSpan.FromHours(1).Ticks * 100);
                break;
        }

        for (int i = 0; i < _asyncTicks; i++)
        {
            TryEmit(events, "fault_tick", System.Text.Encoding.UTF8.GetBytes($"{run.ToString(CultureInfo.InvariantCulture)}:{i.ToString(CultureInfo.InvariantCulture)}"));
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _faults.At(FaultPoint.AsyncStop);
            throw;
        }
    }

    /// <inheritdoc />
    public void DumpState(AsyncEventEmitter events)
    {
        _faults.At(FaultPoint.DumpState);
        switch (_faults.MalformedStrike(FaultPoint.DumpState))
        {
            case "undeclared_name":
                events.Emit("undeclared", "x"u8);
                break;
            case "oversized_data":
                events.Emit("fault_state", OversizedData());
                break;
        }

        events.Emit("fault_state", Volatile.Read(ref _label));
    }

    /// <summary>A span longer than any event can be, over a few real bytes: the SDK must refuse it without reading it.</summary>
    private static ReadOnlySpan<byte> OversizedData() =>
        MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(Tiny), int.MaxValue - 8);

    private void TryEmit(AsyncEventEmitter events, string name, ReadOnlySpan<byte> data, ulong timestamp = EventBatch.NoTimestamp)
    {
        if (!events.TryEmit(name, data, out string? error, timestamp))
        {
            _logger.Warning("refused: " + error);
        }
    }
}

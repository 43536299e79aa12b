using System;
using System.Threading;

namespace Falco.Plugins.Tests.FaultProbe;

// Capture listening with a routine, and the metrics.
public sealed partial class FaultProbePlugin : ICaptureListener
{
    private readonly MetricCounter _routineCalls;
    private readonly MetricGauge _capturesOpen;
    private long _observations;

    /// <summary>Subscribes the routine; the <c>after_subscribe</c> fault fails once it is subscribed.</summary>
    public void CaptureOpen(ref CaptureContext context)
    {
        _faults.At(FaultPoint.CaptureOpen);
        context.Subscribe(RunRoutine);
        if (_faults.Strikes(FaultPoint.CaptureOpen, "after_subscribe"))
        {
            throw new InvalidOperationException("injected fault in capture_open after subscribing a routine");
        }

        _capturesOpen.Add(1);
    }

    /// <inheritdoc />
    public void CaptureClose(ref CaptureContext context)
    {
        _faults.At(FaultPoint.CaptureClose);
        _capturesOpen.Add(-1);
    }

    private bool RunRoutine()
    {
        _routineCalls.Increment();
        _faults.At(FaultPoint.Routine);
        Thread.Sleep(1);
        return true;
    }

    /// <summary>The observed gauge: how many times metrics were collected, or NaN or infinity when asked to.</summary>
    private double Observe()
    {
        _faults.At(FaultPoint.GetMetrics);
        if (_faults.Strikes(FaultPoint.GetMetrics, "nan"))
        {
            return double.NaN;
        }

        return _faults.Strikes(FaultPoint.GetMetrics, "infinity") ? double.PositiveInfinity : Interlocked.Increment(ref _observations);
    }

    /// <summary>An observable gauge of System.Diagnostics.Metrics, whose callback the <c>meter_throws</c> fault breaks.</summary>
    private double ObserveMeter() =>
        _faults.Strikes(FaultPoint.GetMetrics, "meter_throws") ? throw new InvalidOperationException("injected fault in the meter's observable gauge") : 1.5;
}

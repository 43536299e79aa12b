using System;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Tests.AsyncProbe;

/// <summary>
/// Emits <c>tick</c> async events from several threads, counting every event the framework
/// accepted (metric <c>accepted</c>) so that tests can check that nothing accepted is lost and
/// nothing arrives after the handler is cleared. Also exercises dump_state, routines,
/// set_config, metrics of every value type and every log severity.
/// </summary>
[FalcoPlugin("asyncprobe", Version = "1.0.0", Description = "End-to-end test plugin for async events and the features around the capture", Contact = "tests")]
[AsyncEvents("tick", "state")]
[AsyncEventSources("syscall")]
public sealed partial class AsyncProbePlugin : IConfigurable<AsyncProbeConfig>, IAsyncEventProvider, IStateDumper, ICaptureListener
{
    private readonly ILogger _logger;
    private readonly MetricCounter _accepted;
    private readonly MetricCounter _refused;
    private readonly MetricCounter _runs;
    private readonly MetricCounter _selfStoppingCalls;
    private readonly MetricCounter _endlessCalls;
    private readonly MetricGauge _capturesOpen;
    private readonly MetricDoubleGauge _ratio;
    private readonly Counter<int> _meterCounter;
    private readonly UpDownCounter<long> _meterUpDown;
    private AsyncProbeConfig _config;
    private string _lastRefusal = "";

    /// <summary>Creates the probe.</summary>
    public AsyncProbePlugin(AsyncProbeConfig config, ILogger<AsyncProbePlugin> logger, PluginMetrics metrics)
    {
        _config = config;
        _logger = logger;
        _accepted = metrics.Counter("accepted");
        _refused = metrics.Counter("refused");
        _runs = metrics.Counter("runs");
        _selfStoppingCalls = metrics.Counter("self_stopping_calls");
        _endlessCalls = metrics.Counter("endless_calls");
        _capturesOpen = metrics.Gauge("captures_open");
        _ratio = metrics.DoubleGauge("ratio");
        metrics.ObserveGauge("observed_gauge", () => 2.5);
        metrics.ObserveCounter("observed_counter", () => 7);
        _meterCounter = metrics.Meter.CreateCounter<int>("meter_counter");
        _meterUpDown = metrics.Meter.CreateUpDownCounter<long>("meter_updown");
        metrics.Meter.CreateObservableGauge("meter_gauge", () => 1.25);
        metrics.Meter.CreateHistogram<double>("meter_histogram").Record(3);
        _meterCounter.Add(3);
        _meterUpDown.Add(-4);
        _ratio.Set(0.5);
        if (config.LogAllLevels)
        {
            foreach (LogLevel level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical })
            {
#pragma warning disable CA1848, CA2254, CA1873 // One call per level is the point of this test.
                _logger.Log(level, "level " + level.ToString());
#pragma warning restore CA1848, CA2254, CA1873
            }
        }
    }

    /// <summary>The last reason an emit was refused.</summary>
    public string LastRefusal => _lastRefusal;

    /// <inheritdoc />
    public async Task RunAsync(AsyncEventEmitter events, CancellationToken cancellationToken)
    {
        _runs.Increment();
        AsyncProbeConfig config = Volatile.Read(ref _config);
        if (config.EmitUndeclared && !events.TryEmit("undeclared", "x"u8, out string? error))
        {
            Refused(error!);
        }

        var workers = new Task[config.Threads];
        for (int t = 0; t < workers.Length; t++)
        {
            int thread = t;
            workers[t] = Task.Run(() => Emit(events, thread, config.EventsPerThread, cancellationToken), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        if (config.FailRun)
        {
            throw new InvalidOperationException("the probe's producer failed on purpose");
        }
    }

    /// <inheritdoc />
    public void DumpState(AsyncEventEmitter events) =>
        events.Emit("state", $"{Volatile.Read(ref _config).Label}:{_accepted.Value.ToString(CultureInfo.InvariantCulture)}");

    /// <inheritdoc />
    public void SetConfig(AsyncProbeConfig config)
    {
        if (config.Threads < 1)
        {
            throw new PluginException($"threads must be at least 1, got {config.Threads}");
        }

        Volatile.Write(ref _config, config);
    }

    /// <inheritdoc />
    public void CaptureOpen(ref CaptureContext context)
    {
        _capturesOpen.Add(1);
        int limit = Volatile.Read(ref _config).RoutineCalls;
        int calls = 0;
        context.Subscribe(() =>
        {
            _selfStoppingCalls.Increment();
            return ++calls < limit;
        });
        context.Subscribe(() =>
        {
            _endlessCalls.Increment();
            Thread.Sleep(1);
            return true;
        });
    }

    /// <inheritdoc />
    public void CaptureClose(ref CaptureContext context) => _capturesOpen.Add(-1);

    private void Emit(AsyncEventEmitter events, int thread, int count, CancellationToken cancellationToken)
    {
        for (int i = 0; count == 0 || i < count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            string data = thread.ToString(CultureInfo.InvariantCulture) + ":" + i.ToString(CultureInfo.InvariantCulture);
            if (events.TryEmit("tick", System.Text.Encoding.UTF8.GetBytes(data), out string? error))
            {
                _accepted.Increment();
            }
            else
            {
                Refused(error!);
            }
        }
    }

    private void Refused(string error)
    {
        _refused.Increment();
        _lastRefusal = error;
#pragma warning disable CA1848, CA2254, CA1873 // A test plugin: the message is the point.
        _logger.LogWarning("refused: " + error);
#pragma warning restore CA1848, CA2254, CA1873
    }
}

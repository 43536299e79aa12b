using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Examples.Heartbeat;

/// <summary>
/// Sends a <c>heartbeat</c> async event into the syscall event stream at a configurable
/// interval, from a background task the SDK starts and stops with the framework's handler.
/// Shows the features around the capture loop: async events and dump_state, capture listening
/// with a routine on the framework's thread pool, set_config, metrics and logging; and fields
/// extracted from its own async events.
/// </summary>
[FalcoPlugin("heartbeat", Version = "0.1.0", Description = "Periodic heartbeat async events with metrics", Contact = "github.com/falco-plugin-sdk-dotnet")]
[AsyncEvents("heartbeat")]
[AsyncEventSources("syscall")]
[ExtractEventSources("syscall")]
[ExtractEventTypes(402)]
public sealed partial class HeartbeatPlugin : IConfigurable<HeartbeatConfig>, IAsyncEventProvider, IStateDumper, ICaptureListener, IFieldExtractor
{
    private readonly ILogger<HeartbeatPlugin> _logger;
    private readonly MetricCounter _sent;
    private readonly MetricCounter _routineTicks;
    private readonly UpDownCounter<long> _capturesOpen;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();
    private static readonly EventParser<HeartbeatData?> ParseHeartbeat = static evt =>
        evt.AsyncEventName.SequenceEqual("heartbeat"u8)
            ? JsonSerializer.Deserialize(evt.AsyncEventData, HeartbeatJsonContext.Default.HeartbeatData)
            : null;

    private readonly EventCache<HeartbeatData?> _data = new();
    private HeartbeatConfig _config;
    private long _sequence;

    /// <summary>Creates the plugin.</summary>
    public HeartbeatPlugin(HeartbeatConfig config, ILogger<HeartbeatPlugin> logger, PluginMetrics metrics)
    {
        _config = Validate(config);
        _logger = logger;
        _sent = metrics.Counter("heartbeats_sent");
        _routineTicks = metrics.Counter("routine_ticks");
        _capturesOpen = metrics.Meter.CreateUpDownCounter<long>("captures_open");
        metrics.Meter.CreateObservableGauge("uptime_seconds", () => _uptime.Elapsed.TotalSeconds);
        Log.Configured(_logger, _config.IntervalMs);
    }

    /// <inheritdoc />
    public async Task RunAsync(AsyncEventEmitter events, CancellationToken cancellationToken)
    {
        Log.Started(_logger);
        try
        {
            while (true)
            {
                await Task.Delay(Volatile.Read(ref _config).IntervalMs, cancellationToken).ConfigureAwait(false);
                Send(events);
            }
        }
        finally
        {
            long sent = Interlocked.Read(ref _sequence);
            Log.Stopped(_logger, sent);
        }
    }

    /// <inheritdoc />
    public void DumpState(AsyncEventEmitter events) => events.Emit("heartbeat", Encode(Interlocked.Read(ref _sequence)));

    /// <inheritdoc />
    public void SetConfig(HeartbeatConfig config)
    {
        Volatile.Write(ref _config, Validate(config));
        Log.Configured(_logger, config.IntervalMs);
    }

    /// <inheritdoc />
    public void CaptureOpen(ref CaptureContext context)
    {
        _capturesOpen.Add(1);
        context.Subscribe(() =>
        {
            _routineTicks.Increment();
            Thread.Sleep(10);
            return true;
        });
    }

    /// <inheritdoc />
    public void CaptureClose(ref CaptureContext context) => _capturesOpen.Add(-1);

    /// <summary>The heartbeat's sequence number.</summary>
    [Field("heartbeat.seq", "The sequence number of a heartbeat event")]
    public ulong? Seq(ref ExtractContext context) => Data(ref context)?.Seq;

    /// <summary>The heartbeat's message.</summary>
    [Field("heartbeat.message", "The message of a heartbeat event")]
    public string? Message(ref ExtractContext context) => Data(ref context)?.Message;

    private void Send(AsyncEventEmitter events)
    {
        events.Emit("heartbeat", Encode(Interlocked.Increment(ref _sequence)));
        _sent.Increment();
    }

    private byte[] Encode(long sequence) =>
        JsonSerializer.SerializeToUtf8Bytes(new HeartbeatData { Seq = (ulong)sequence, Message = Volatile.Read(ref _config).Message }, HeartbeatJsonContext.Default.HeartbeatData);

    private HeartbeatData? Data(ref ExtractContext context) => _data.Get(ref context, ParseHeartbeat);

    private static HeartbeatConfig Validate(HeartbeatConfig config) =>
        config.IntervalMs < 1 ? throw new PluginException($"intervalMs must be at least 1, got {config.IntervalMs}") : config;
}

using System;
using System.Diagnostics;
using System.Threading;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Loads tests/plugins/FaultProbe with a block fault on the first call of one operation, makes
/// that call, and measures how long it took to return (successfully: a block only delays).
/// </summary>
internal static class BlockDriver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The plugin (null once destroyed) and how long the blocked call took.</summary>
    public sealed record Blocked(Plugin? Plugin, TimeSpan Elapsed);

    public static Blocked Run(PluginHost host, string at, string config)
    {
        if (at == "init")
        {
            var clock = Stopwatch.StartNew();
            Plugin loaded = host.Load(PublishedPlugins.FaultProbe, config);
            return new Blocked(loaded, clock.Elapsed);
        }

        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, config);
        if (at == "destroy")
        {
            return new Blocked(null, Time(plugin.Dispose));
        }

        return new Blocked(plugin, Call(host, plugin, at));
    }

    private static TimeSpan Call(PluginHost host, Plugin plugin, string at)
    {
        switch (at)
        {
            case "open":
                return Time(() => plugin.Open().Dispose());
            case "next_batch":
                {
                    using PluginCapture capture = plugin.Open();
                    return Time(() => Assert.Equal("1", FaultProbeChecks.NextPluginEvent(capture).PayloadText));
                }

            case "close":
                return Time(plugin.Open().Dispose);
            case "extract_fields":
                {
                    CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);
                    return Time(() => Assert.Equal(1ul, plugin.Extract(evt, "faultprobe.value").UInt64));
                }

            case "parse_event":
                {
                    CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);
                    return Time(() => Assert.Contains(plugin, host.Parse(evt)));
                }

            case "dump_state":
                return Time(() => Assert.Single(plugin.DumpState()));
            case "capture_open":
                {
                    TimeSpan elapsed = Time(plugin.CaptureOpen);
                    plugin.CaptureClose();
                    return elapsed;
                }

            case "capture_close":
                plugin.CaptureOpen();
                return Time(plugin.CaptureClose);
            case "routine":
                // capture_close must wait for the routine's call in progress, which blocks.
                return Time(() =>
                {
                    plugin.CaptureOpen();
                    Assert.True(SpinWait.SpinUntil(() => RoutineCalls(plugin) >= 1, Patience));
                    plugin.CaptureClose();
                });
            case "get_metrics":
                return Time(() => plugin.GetMetrics());
            case "set_config":
                return Time(() => plugin.SetConfig("{\"label\": \"changed\"}"));
            case "event_to_string":
                {
                    CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);
                    return Time(() => Assert.Equal("faultprobe event 1", plugin.EventToString(evt)));
                }

            case "list_open_params":
                return Time(() => Assert.Equal(2, plugin.ListOpenParams().Count));
            case "get_progress":
                {
                    using PluginCapture capture = plugin.Open();
                    return Time(() => Assert.Equal((0.0, "0/10 events"), capture.Progress));
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(at), at, "no driver for this operation");
        }
    }

    private static long RoutineCalls(Plugin plugin)
    {
        foreach (PluginMetric metric in plugin.GetMetrics())
        {
            if (metric.RawName == "routine_calls")
            {
                return (long)(ulong)metric.Value;
            }
        }

        return 0;
    }

    private static TimeSpan Time(Action call)
    {
        var clock = Stopwatch.StartNew();
        call();
        return clock.Elapsed;
    }
}

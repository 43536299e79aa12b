using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>The published examples/Heartbeat: async events in the syscall stream, with the features around them.</summary>
public sealed class HeartbeatTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void Declares_what_it_does_and_requires_the_api_of_dump_state()
    {
        PluginInfo info = PluginLibrary.Load(PublishedPlugins.Heartbeat).Info;

        Assert.Equal("3.10.0", info.RequiredApiVersion);
        Assert.Equal(PluginCapabilities.Extraction | PluginCapabilities.Async | PluginCapabilities.CaptureListening, info.Capabilities);
        Assert.Equal(["heartbeat"], info.AsyncEvents);
        Assert.Equal(["syscall"], info.AsyncEventSources);
        Assert.Equal(["syscall"], info.ExtractEventSources);
        Assert.Equal(["heartbeat.seq", "heartbeat.message"], info.Fields.Select(f => f.Name));
        Assert.Contains("dump_state", info.Symbols);
        Assert.Contains("set_config", info.Symbols);
        Assert.Contains("get_metrics", info.Symbols);
    }

    [Fact]
    public void Heartbeats_arrive_in_sequence_and_their_fields_extract()
    {
        using var host = new PluginHost();
        Plugin heartbeat = host.Load(PublishedPlugins.Heartbeat, """{"intervalMs": 10, "message": "hello"}""");

        IReadOnlyList<CapturedEvent> events = host.WaitForAsyncEvents(3, Patience);

        Assert.All(events, e => Assert.Equal("heartbeat", e.AsyncEventName));
        Assert.Equal([1ul, 2ul, 3ul], events.Take(3).Select(e => heartbeat.Extract(e, "heartbeat.seq").UInt64));
        Assert.All(events, e => Assert.Equal("hello", heartbeat.Extract(e, "heartbeat.message").String));
        Assert.Equal("""{"seq":1,"message":"hello"}""", Encoding.UTF8.GetString(events[0].AsyncEventData.Span));
    }

    [Fact]
    public void Fields_are_absent_on_other_events()
    {
        using var host = new PluginHost(new PluginHostOptions { SetAsyncHandlerAtLoad = false });
        Plugin heartbeat = host.Load(PublishedPlugins.Heartbeat);

        CapturedEvent other = CapturedEvent.AsyncEvent("other", """{"seq":9}"""u8);
        CapturedEvent garbled = CapturedEvent.AsyncEvent("heartbeat", "not json"u8);

        Assert.False(heartbeat.Extract(other, "heartbeat.seq").IsPresent);
        Assert.False(heartbeat.Extract(SyscallEvents.For(100), "heartbeat.seq").IsPresent);
        Assert.NotEqual(0, heartbeat.TryExtract(garbled, ["heartbeat.seq"], out _));
        Assert.Contains("heartbeat", heartbeat.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_config_changes_the_running_heartbeat_and_refuses_a_bad_interval()
    {
        using var host = new PluginHost();
        Plugin heartbeat = host.Load(PublishedPlugins.Heartbeat, """{"intervalMs": 10, "message": "before"}""");
        host.WaitForAsyncEvents(1, Patience);

        heartbeat.SetConfig("""{"intervalMs": 10, "message": "after"}""");
        var refused = Assert.Throws<PluginHostException>(() => heartbeat.SetConfig("""{"intervalMs": 0, "message": "never"}"""));
        host.AsyncEvents.Clear();

        IReadOnlyList<CapturedEvent> events = host.WaitForAsyncEvents(2, Patience);
        Assert.All(events, e => Assert.Equal("after", heartbeat.Extract(e, "heartbeat.message").String));
        Assert.Contains("intervalMs must be at least 1, got 0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_state_reports_the_last_sequence_number()
    {
        using var host = new PluginHost();
        Plugin heartbeat = host.Load(PublishedPlugins.Heartbeat, """{"intervalMs": 10}""");
        host.WaitForAsyncEvents(2, Patience);
        heartbeat.SetAsyncHandler(false);
        ulong last = host.AsyncEvents.Snapshot().Max(e => heartbeat.Extract(e, "heartbeat.seq").UInt64);

        CapturedEvent dumped = Assert.Single(heartbeat.DumpState());

        Assert.Equal("heartbeat", dumped.AsyncEventName);
        Assert.Equal(last, heartbeat.Extract(dumped, "heartbeat.seq").UInt64);
    }

    [Fact]
    public void Its_routine_ticks_while_a_capture_is_open_across_two_captures()
    {
        using var host = new PluginHost(new PluginHostOptions { SetAsyncHandlerAtLoad = false });
        Plugin heartbeat = host.Load(PublishedPlugins.Heartbeat);

        for (int capture = 1; capture <= 2; capture++)
        {
            host.OpenCapture();
            SubscribedRoutine routine = host.Routines.Of(heartbeat)[capture - 1];
            Assert.True(routine.WaitForCalls(2, Patience));
            Assert.Equal(1L, Metric(heartbeat, "captures_open"));

            host.CloseCapture();

            Assert.Equal(RoutineStatus.Unsubscribed, routine.Status);
            Assert.Equal(0L, Metric(heartbeat, "captures_open"));
            long calls = routine.Calls;
            Thread.Sleep(50);
            Assert.Equal(calls, routine.Calls);
        }

        Assert.Equal(0, host.Routines.Active);
        Assert.Equal(host.Routines.Of(heartbeat).Sum(r => r.Calls), Metric(heartbeat, "routine_ticks"));
    }

    [Fact]
    public void Metrics_and_log_lines_describe_what_it_did()
    {
        using var host = new PluginHost();
        Plugin heartbeat = host.Load(PublishedPlugins.Heartbeat, """{"intervalMs": 10}""");
        host.WaitForAsyncEvents(3, Patience);
        heartbeat.SetAsyncHandler(false);
        long sent = host.AsyncEvents.Count;

        Dictionary<string, PluginMetric> metrics = heartbeat.GetMetrics().ToDictionary(m => m.RawName);

        Assert.Equal((PluginMetricType.Monotonic, PluginMetricValueType.UInt64, (object)(ulong)sent), Describe(metrics["heartbeats_sent"]));
        Assert.Equal((PluginMetricType.Monotonic, PluginMetricValueType.UInt64, (object)0ul), Describe(metrics["routine_ticks"]));
        Assert.Equal((PluginMetricType.NonMonotonic, PluginMetricValueType.Int64, (object)0L), Describe(metrics["captures_open"]));
        Assert.Equal(PluginMetricValueType.Double, metrics["uptime_seconds"].ValueType);
        Assert.InRange((double)metrics["uptime_seconds"].Value, 0.001, 600);
        Assert.Equal(
            [("heartbeat every 10 ms", LogSeverity.Info), ("heartbeats started", LogSeverity.Info), ($"heartbeats stopped after {sent} events", LogSeverity.Info)],
            heartbeat.Logs.Select(l => (l.Message, l.Severity)));
        Assert.All(heartbeat.Logs, l => Assert.Equal("heartbeat", l.Component));
    }

    private static (PluginMetricType, PluginMetricValueType, object) Describe(PluginMetric metric) => (metric.Type, metric.ValueType, metric.Value);

    private static long Metric(Plugin plugin, string name) =>
        Convert.ToInt64(plugin.GetMetrics().Single(m => m.RawName == name).Value, System.Globalization.CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// Async events through the published tests/plugins/AsyncProbe: its threads emit <c>tick</c>
/// events and count in the metric <c>accepted</c> every event the framework took.
/// </summary>
public sealed class AsyncEventTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void Events_arrive_with_their_declared_name_payload_and_the_plugins_declarations()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "threads": 2, "eventsPerThread": 5}""");

        IReadOnlyList<CapturedEvent> events = host.WaitForAsyncEvents(10, Patience);

        Assert.Equal(["tick", "state"], probe.Info.AsyncEvents);
        Assert.Equal(["syscall"], probe.Info.AsyncEventSources);
        Assert.All(events, e => Assert.Equal(402, e.Type));
        Assert.All(events, e => Assert.Equal("tick", e.AsyncEventName));
        string[] payloads = events.Select(e => Encoding.UTF8.GetString(e.AsyncEventData.Span)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["0:0", "0:1", "0:2", "0:3", "0:4", "1:0", "1:1", "1:2", "1:3", "1:4"], payloads);
        Assert.True(Eventually(() => Metric(probe, "accepted") == 10));
    }

    [Fact]
    public void An_undeclared_name_is_refused_with_a_reason_the_plugin_sees()
    {
        var logs = new List<LogEntry>();
        using var host = new PluginHost(new PluginHostOptions { Log = logs.Add });
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "emitUndeclared": true, "eventsPerThread": 1}""");

        host.WaitForAsyncEvents(1, Patience);
        Assert.True(Eventually(() => Metric(probe, "refused") == 1));

        Assert.All(host.AsyncEvents, e => Assert.Equal("tick", e.AsyncEventName));
        LogEntry refusal = Assert.Single(probe.Logs, l => l.Message.StartsWith("refused:", StringComparison.Ordinal));
        Assert.Equal("refused: 'undeclared' is not an async event this plugin declared (declared: tick, state)", refusal.Message);
        Assert.Equal(LogSeverity.Warning, refusal.Severity);
    }

    [Fact]
    public void Clearing_the_handler_stops_the_producer_and_nothing_arrives_after_it_returns()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "threads": 2, "eventsPerThread": 0}""");
        host.WaitForAsyncEvents(100, Patience);

        probe.SetAsyncHandler(false);
        long received = host.AsyncEvents.Accepted + host.AsyncEvents.DroppedQueueFull;
        long accepted = Metric(probe, "accepted");
        Thread.Sleep(200);

        Assert.False(probe.AsyncHandlerSet);
        Assert.Equal(received, host.AsyncEvents.Accepted + host.AsyncEvents.DroppedQueueFull);
        Assert.Equal(accepted, received);
        long refused = Metric(probe, "refused");
        Thread.Sleep(100);
        Assert.Equal(accepted, Metric(probe, "accepted"));
        Assert.Equal(refused, Metric(probe, "refused"));
        Assert.Equal(1, Metric(probe, "runs"));
    }

    [Fact]
    public void A_failed_producer_is_reported_to_the_operator_without_failing_the_next_handler_change()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "eventsPerThread": 2, "failRun": true}""");
        host.WaitForAsyncEvents(2, Patience);

        probe.SetAsyncHandler(false);

        LogEntry failure = Assert.Single(probe.Logs, l => l.Severity == LogSeverity.Error);
        Assert.Equal("the async event producer failed: InvalidOperationException: the probe's producer failed on purpose", failure.Message);
        Assert.Equal("asyncprobe", failure.Component);
        Assert.Contains("set_async_event_handler", probe.LastError, StringComparison.Ordinal);
        Assert.False(probe.AsyncHandlerSet);
    }

    [Fact]
    public void Setting_the_handler_again_restarts_production()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "eventsPerThread": 3}""");
        host.WaitForAsyncEvents(3, Patience);
        probe.SetAsyncHandler(false);
        host.AsyncEvents.Clear();

        probe.SetAsyncHandler(true);

        IReadOnlyList<CapturedEvent> events = host.WaitForAsyncEvents(3, Patience);
        Assert.Equal(["0:0", "0:1", "0:2"], events.Select(e => Encoding.UTF8.GetString(e.AsyncEventData.Span)));
        Assert.True(Eventually(() => Metric(probe, "runs") == 2));
    }

    [Fact]
    public void Four_threads_emitting_while_the_handler_is_swapped_and_cleared_lose_nothing_and_send_nothing_after_the_stop()
    {
        var logs = new List<LogEntry>();
        using var host = new PluginHost(new PluginHostOptions { Log = Collect(logs) });
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "threads": 4, "eventsPerThread": 0}""");
        long drained = 0;
        using var draining = new CancellationTokenSource();
        var drainer = new Thread(() =>
        {
            while (!draining.IsCancellationRequested)
            {
                if (host.AsyncEvents.TryDequeue(out CapturedEvent? evt))
                {
                    Assert.Equal("tick", evt.AsyncEventName);
                    drained++;
                }
            }
        });
        drainer.Start();

        var clock = Stopwatch.StartNew();
        for (int round = 0; round < 60; round++)
        {
            // A swap (reset, then set) most rounds; every third round the handler stays cleared a while.
            probe.SetAsyncHandler(round % 3 != 2);
            Thread.Sleep(round % 5);
        }

        probe.SetAsyncHandler(true);
        Thread.Sleep(20);
        probe.SetAsyncHandler(false);
        long receivedAtStop = host.AsyncEvents.Accepted + host.AsyncEvents.DroppedQueueFull;
        long refusedAtStop = Metric(probe, "refused");
        Thread.Sleep(200);
        draining.Cancel();
        drainer.Join();
        TimeSpan elapsed = clock.Elapsed;

        long accepted = Metric(probe, "accepted");
        long received = host.AsyncEvents.Accepted + host.AsyncEvents.DroppedQueueFull;
        Assert.True(accepted > 0, $"no event accepted in {elapsed}");
        Assert.Equal(receivedAtStop, received);
        Assert.Equal(refusedAtStop, Metric(probe, "refused"));
        Assert.Equal(accepted, received);
        Assert.Equal(host.AsyncEvents.Accepted, drained + host.AsyncEvents.Count);

        // Refusals happen only around a reset: in the framework's window (its side is reset before
        // the plugin is told) or in the SDK's (a thread checked its token just before the stop).
        LogEntry[] refusals = Snapshot(logs).Where(l => l.Message.StartsWith("refused:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Metric(probe, "refused"), refusals.Length);
        Assert.All(refusals, r => Assert.True(
            r.Message.Contains("async event sent with NULL handler", StringComparison.Ordinal)
            || r.Message.Contains("its handler is not set", StringComparison.Ordinal),
            r.Message));
        Assert.False(probe.AsyncHandlerSet);
    }

    [Fact]
    public void Dump_state_emits_the_plugins_state_as_async_events_of_its_own()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "before", "eventsPerThread": 4}""");
        host.WaitForAsyncEvents(4, Patience);
        Assert.True(Eventually(() => Metric(probe, "accepted") == 4));

        CapturedEvent dumped = Assert.Single(probe.DumpState());
        probe.SetConfig("""{"label": "after"}""");
        CapturedEvent again = Assert.Single(probe.DumpState());

        Assert.Equal("state", dumped.AsyncEventName);
        Assert.Equal("before:4", Encoding.UTF8.GetString(dumped.AsyncEventData.Span));
        Assert.Equal("after:4", Encoding.UTF8.GetString(again.AsyncEventData.Span));
        Assert.Equal(4, host.AsyncEvents.Count);
    }

    [Fact]
    public void Set_config_rejects_an_invalid_config_with_a_clear_message_and_keeps_the_old_one()
    {
        // Without the host's schema check, as a framework that skips it: the plugin's own checks answer.
        using var host = new PluginHost(new PluginHostOptions { ValidateConfig = false });
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "kept", "eventsPerThread": 1}""");
        Assert.True(Eventually(() => Metric(probe, "accepted") == 1));

        var badValue = Assert.Throws<PluginHostException>(() => probe.SetConfig("""{"label": "x", "threads": 0}"""));
        var notJson = Assert.Throws<PluginHostException>(() => probe.SetConfig("{label"));
        var unknown = Assert.Throws<PluginHostException>(() => probe.SetConfig("""{"label": "x", "colour": 1}"""));

        Assert.Contains("threads must be at least 1, got 0", badValue.Message, StringComparison.Ordinal);
        Assert.Contains("asyncprobe", probe.LastError, StringComparison.Ordinal);
        Assert.Contains("set_config", probe.LastError, StringComparison.Ordinal);
        Assert.Contains("new config", notJson.Message, StringComparison.Ordinal);
        Assert.Contains("JSON", notJson.Message, StringComparison.Ordinal);
        Assert.Contains("colour", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("kept:1", Encoding.UTF8.GetString(Assert.Single(probe.DumpState()).AsyncEventData.Span));
    }

    [Fact]
    public void Routines_subscribed_at_capture_open_run_on_the_hosts_pool_and_stop_at_capture_close_twice()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "eventsPerThread": 1, "routineCalls": 3}""");

        for (int capture = 1; capture <= 2; capture++)
        {
            host.OpenCapture();
            Assert.True(probe.IsCaptureOpen);
            Assert.Equal(1, Metric(probe, "captures_open"));
            SubscribedRoutine[] routines = host.Routines.Of(probe).Skip((capture - 1) * 2).ToArray();
            Assert.Equal(2, routines.Length);
            SubscribedRoutine selfStopping = routines[0];
            SubscribedRoutine endless = routines[1];
            Assert.True(selfStopping.WaitForEnd(Patience));
            Assert.Equal(RoutineStatus.Finished, selfStopping.Status);
            Assert.Equal(3, selfStopping.Calls);
            Assert.True(endless.WaitForCalls(3, Patience));

            host.CloseCapture();

            Assert.False(probe.IsCaptureOpen);
            Assert.Equal(0, Metric(probe, "captures_open"));
            Assert.Equal(RoutineStatus.Unsubscribed, endless.Status);
            long calls = endless.Calls;
            Thread.Sleep(50);
            Assert.Equal(calls, endless.Calls);
            Assert.Equal(capture * 3, Metric(probe, "self_stopping_calls"));
            Assert.Equal(0, probe.LiveEntryHandles);
        }

        Assert.Equal(0, host.Routines.Active);
    }

    [Fact]
    public void Metrics_report_their_values_with_the_right_metric_and_value_types()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "eventsPerThread": 2}""");
        host.WaitForAsyncEvents(2, Patience);
        Assert.True(Eventually(() => Metric(probe, "accepted") == 2));

        Dictionary<string, PluginMetric> metrics = probe.GetMetrics().ToDictionary(m => m.RawName);

        Expect(metrics["accepted"], PluginMetricType.Monotonic, PluginMetricValueType.UInt64, 2UL);
        Expect(metrics["captures_open"], PluginMetricType.NonMonotonic, PluginMetricValueType.Int64, 0L);
        Expect(metrics["ratio"], PluginMetricType.NonMonotonic, PluginMetricValueType.Double, 0.5);
        Expect(metrics["observed_gauge"], PluginMetricType.NonMonotonic, PluginMetricValueType.Double, 2.5);
        Expect(metrics["observed_counter"], PluginMetricType.Monotonic, PluginMetricValueType.UInt64, 7UL);
        Expect(metrics["meter_counter"], PluginMetricType.Monotonic, PluginMetricValueType.UInt32, 3u);
        Expect(metrics["meter_updown"], PluginMetricType.NonMonotonic, PluginMetricValueType.Int64, -4L);
        Expect(metrics["meter_gauge"], PluginMetricType.NonMonotonic, PluginMetricValueType.Double, 1.25);
        Assert.Equal("asyncprobe.accepted", metrics["accepted"].Name);
        // Histograms have no counterpart among the API's metric types.
        Assert.DoesNotContain("meter_histogram", metrics.Keys);
    }

    [Fact]
    public void Log_lines_reach_the_owner_with_mapped_severities_and_the_plugin_as_component()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "eventsPerThread": 0, "logAllLevels": true}""");

        LogEntry[] levels = probe.Logs.Where(l => l.Message.StartsWith("level ", StringComparison.Ordinal)).ToArray();

        Assert.Equal(
            [("level Trace", LogSeverity.Trace), ("level Debug", LogSeverity.Debug), ("level Information", LogSeverity.Info),
             ("level Warning", LogSeverity.Warning), ("level Error", LogSeverity.Error), ("level Critical", LogSeverity.Critical)],
            levels.Select(l => (l.Message, l.Severity)));
        Assert.All(levels, l => Assert.Equal("asyncprobe", l.Component));
    }

    [Fact]
    public void Without_a_framework_logger_logging_does_nothing_and_everything_else_works()
    {
        using var host = new PluginHost(new PluginHostOptions { OfferLogger = false });
        Plugin probe = host.Load(PublishedPlugins.AsyncProbe, """{"label": "a", "eventsPerThread": 3, "logAllLevels": true, "emitUndeclared": true}""");

        host.WaitForAsyncEvents(3, Patience);
        probe.SetAsyncHandler(false);

        Assert.Empty(probe.Logs);
        Assert.Equal(3, Metric(probe, "accepted"));
        Assert.Equal(1, Metric(probe, "refused"));
    }

    private static void Expect(PluginMetric metric, PluginMetricType type, PluginMetricValueType valueType, object value)
    {
        Assert.Equal(type, metric.Type);
        Assert.Equal(valueType, metric.ValueType);
        Assert.Equal(value, metric.Value);
    }

    private static long Metric(Plugin plugin, string name) =>
        Convert.ToInt64(plugin.GetMetrics().Single(m => m.RawName == name).Value, System.Globalization.CultureInfo.InvariantCulture);

    private static bool Eventually(Func<bool> condition) => SpinWait.SpinUntil(condition, Patience);

    private static Action<LogEntry> Collect(List<LogEntry> logs) => entry =>
    {
        lock (logs)
        {
            logs.Add(entry);
        }
    };

    private static LogEntry[] Snapshot(List<LogEntry> logs)
    {
        lock (logs)
        {
            return logs.ToArray();
        }
    }
}

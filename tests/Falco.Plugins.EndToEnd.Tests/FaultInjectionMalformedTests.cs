using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// Bad data that author code of the published tests/plugins/FaultProbe hands back to the SDK,
/// where the API lets it produce any: what the SDK refuses (a failure naming the problem) and
/// what it passes on as the framework would see it. Either way the plugin works afterwards.
/// </summary>
public sealed class FaultInjectionMalformedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("oversized_commit", "faultprobe: next_batch: ArgumentOutOfRangeException: the payload buffer holds 16 bytes")]
    [InlineData("commit_without_reserve", "faultprobe: next_batch: InvalidOperationException: no event was begun")]
    [InlineData("negative_reserve", "faultprobe: next_batch: ArgumentOutOfRangeException: payloadCapacity ('-1') must be a non-negative value.")]
    [InlineData("unknown_status", "faultprobe: next_batch: NextBatch returned an unknown status 42")]
    public void A_malformed_batch_fails_next_batch(string variant, string expected)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("next_batch", Faults.Malformed, variant));
        using (PluginCapture capture = plugin.Open())
        {
            var error = Assert.Throws<PluginHostException>(() => FaultProbeChecks.NextPluginEvent(capture));

            Assert.StartsWith("plugin faultprobe next_batch failed: " + expected, error.Message, StringComparison.Ordinal);
        }

        FaultProbeChecks.AssertWorks(host, plugin);
        FaultProbeChecks.AssertDestroyedCleanly(host, plugin);
    }

    [Fact]
    public void Events_batched_before_an_overflowing_event_are_delivered_before_the_failure()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("next_batch", Faults.Malformed, "batch_overflow"));
        using PluginCapture capture = plugin.Open();

        string[] delivered = Enumerable.Range(0, 4).Select(_ => FaultProbeChecks.NextPluginEvent(capture).PayloadText).ToArray();
        var error = Assert.Throws<PluginHostException>(() => FaultProbeChecks.NextPluginEvent(capture));

        Assert.Equal(["1", "2", "3", "4"], delivered);
        Assert.Equal("plugin faultprobe next_batch failed: faultprobe: next_batch: InvalidOperationException: the batch is full", error.Message);
        Assert.Equal(["5", "6", "7", "8", "9", "10"], FaultProbeChecks.PluginEvents(capture).Select(e => e.PayloadText));
    }

    [Fact]
    public void A_payload_of_megabytes_is_delivered_intact()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("next_batch", Faults.Malformed, "huge_payload"));
        using PluginCapture capture = plugin.Open();

        CapturedEvent huge = FaultProbeChecks.NextPluginEvent(capture);

        Assert.Equal(8 * 1024 * 1024, huge.Payload.Length);
        Assert.True(huge.Payload.Span.IndexOfAnyExcept((byte)'x') < 0);
        Assert.Equal("1", FaultProbeChecks.NextPluginEvent(capture).PayloadText);
    }

    [Theory]
    [InlineData("ipaddr_length", "faultprobe.addr", "an IP address must be 4 or 16 bytes, got 5")]
    [InlineData("negative_reltime", "faultprobe.elapsed", "a reltime value cannot be negative (-00:00:01)")]
    [InlineData("abstime_before_epoch", "faultprobe.when", "an abstime value cannot precede the Unix epoch (1969-12-31T23:59:59.0000000+00:00)")]
    public void A_value_the_field_type_cannot_hold_fails_the_field(string variant, string field, string cause)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("extract_fields", Faults.Malformed, variant));
        CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);

        var error = Assert.Throws<PluginHostException>(() => plugin.Extract(evt, field));

        Assert.Equal($"faultprobe: extract_fields: field {field}: {cause}", plugin.LastError);
        Assert.EndsWith(plugin.LastError, error.Message, StringComparison.Ordinal);
        Assert.True(plugin.Extract(evt, field).IsPresent);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Theory]
    [InlineData("nul", "faultprobe.text", "value")]
    [InlineData("invalid_utf8", "faultprobe.raw", "\uFFFD(\uFFFD")]
    public void A_string_is_passed_on_as_the_c_string_the_framework_reads(string variant, string field, string seen)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("extract_fields", Faults.Malformed, variant));
        CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);

        // A NUL ends the C string; bytes that are not UTF-8 pass through as they are.
        Assert.Equal(seen, plugin.Extract(evt, field).String);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void An_open_that_returns_null_fails_open()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("open", Faults.Malformed, "null_instance"));

        var error = Assert.Throws<PluginHostException>(() => plugin.Open());

        Assert.Equal("could not open capture of plugin faultprobe: faultprobe: open: Open returned null", error.Message);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Theory]
    [InlineData("metric_twice", "faultprobe: init: there is already a metric named 'routine_calls'")]
    [InlineData("table_field_type", "faultprobe: init: NotSupportedException: Double is not a table key or field type: use sbyte, short, int, long, byte, ushort, uint, ulong, bool or string")]
    [InlineData("table_twice", "faultprobe: init: the framework refused the table 'faultprobe_items'")]
    public void A_misuse_of_the_init_services_fails_init_and_leaves_nothing_behind(string variant, string expected)
    {
        using var host = new PluginHost();

        var error = Assert.Throws<PluginHostException>(() => host.Load(PublishedPlugins.FaultProbe, Faults.Config("init", Faults.Malformed, variant)));

        Assert.StartsWith("could not initialize plugin: " + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Tables, t => t.Name == "faultprobe_items");
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Theory]
    [InlineData("nul", "faultprobe")]
    [InlineData("null", "")]
    public void An_odd_event_to_string_result_is_passed_on_as_a_c_string(string variant, string seen)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("event_to_string", Faults.Malformed, variant));

        Assert.Equal(seen, plugin.EventToString(FaultProbeChecks.FirstEvent(plugin)));
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void No_open_params_at_all_is_an_empty_list()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("list_open_params", Faults.Malformed, "null_list"));

        Assert.Empty(plugin.ListOpenParams());
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void An_open_param_without_a_value_fails_list_open_params()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("list_open_params", Faults.Malformed, "null_value"));

        var error = Assert.Throws<PluginHostException>(() => plugin.ListOpenParams());

        Assert.Equal("error in plugin faultprobe: list_open_params has error faultprobe: list_open_params: open parameter 0 has no value", error.Message);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Theory]
    [InlineData("nan", 0.0, "nan")]
    [InlineData("over_100", 100.0, "over")]
    [InlineData("negative", 0.0, "negative")]
    [InlineData("null_detail", 50.0, "")]
    public void Progress_out_of_range_is_clamped(string variant, double percent, string text)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("get_progress", Faults.Malformed, variant));
        using PluginCapture capture = plugin.Open();

        Assert.Equal((percent, text), capture.Progress);
    }

    [Theory]
    [InlineData("nan", double.NaN)]
    [InlineData("infinity", double.PositiveInfinity)]
    public void A_metric_that_is_not_a_number_is_passed_on(string variant, double value)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("get_metrics", Faults.Malformed, variant));

        PluginMetric observed = plugin.GetMetrics().Single(m => m.RawName == "observed");

        Assert.Equal(PluginMetricValueType.Double, observed.ValueType);
        Assert.Equal(value, (double)observed.Value);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void A_failing_meter_callback_keeps_its_last_value_and_the_other_metrics_are_reported()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("get_metrics", Faults.Malformed, "meter_throws"));

        IReadOnlyList<PluginMetric> metrics = plugin.GetMetrics();

        Assert.Equal(["captures_open", "meter_observed", "observed", "routine_calls"], metrics.Select(m => m.RawName).Order(StringComparer.Ordinal));
        Assert.Equal(0.0, metrics.Single(m => m.RawName == "meter_observed").Value);
        Assert.Equal(1.5, plugin.GetMetrics().Single(m => m.RawName == "meter_observed").Value);
    }

    [Fact]
    public void An_undeclared_async_event_name_ends_the_producer_with_a_reason()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("async_start", Faults.Malformed, "undeclared_name"));

        plugin.SetAsyncHandler(false);

        Assert.Equal(
            "faultprobe: set_async_event_handler: the async event producer failed: 'undeclared' is not an async event this plugin declared (declared: fault_tick, fault_state)",
            plugin.LastError);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void Async_event_data_too_large_for_an_event_is_refused_without_being_read()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("async_start", Faults.Malformed, "oversized_data"));

        IReadOnlyList<CapturedEvent> ticks = host.WaitForAsyncEvents(3, Patience);

        Assert.Equal(["1:0", "1:1", "1:2"], ticks.Select(e => Encoding.UTF8.GetString(e.AsyncEventData.Span)));
        LogEntry refusal = Assert.Single(plugin.Logs, l => l.Severity == LogSeverity.Warning);
        Assert.Equal($"refused: 'fault_tick' data of {int.MaxValue - 8} bytes does not fit in an async event", refusal.Message);
    }

    [Fact]
    public void An_async_event_from_the_far_future_is_accepted_by_the_sdk_and_dropped_by_the_framework()
    {
        using var host = new PluginHost();
        host.Load(PublishedPlugins.FaultProbe, Faults.Config("async_start", Faults.Malformed, "future_timestamp"));

        host.WaitForAsyncEvents(3, Patience);

        Assert.Equal(1, host.AsyncEvents.DroppedTooFarInFuture);
    }

    [Theory]
    [InlineData("undeclared_name", "faultprobe: dump_state: 'undeclared' is not an async event this plugin declared (declared: fault_tick, fault_state)")]
    [InlineData("oversized_data", "faultprobe: dump_state: 'fault_state' data of 2147483639 bytes does not fit in an async event")]
    public void A_refused_dump_event_fails_dump_state(string variant, string expected)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("dump_state", Faults.Malformed, variant));

        var error = Assert.Throws<PluginHostException>(() => plugin.DumpState());

        Assert.Equal("plugin faultprobe failed to dump its state: " + expected, error.Message);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void A_capture_open_that_fails_after_subscribing_a_routine_leaves_no_routine_running()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("capture_open", Faults.Malformed, "after_subscribe"));

        var error = Assert.Throws<PluginHostException>(plugin.CaptureOpen);

        Assert.Equal("error on capture open for plugin 'faultprobe': faultprobe: capture_open: InvalidOperationException: injected fault in capture_open after subscribing a routine", error.Message);

        // libsinsp does not call capture_close after a failed capture_open: nothing else would stop it.
        Assert.Equal(0, host.Routines.Active);
    }

    [Fact]
    public void Every_error_message_is_one_line()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("next_batch", Faults.Malformed, "oversized_commit"));
        using PluginCapture capture = plugin.Open();

        Assert.Throws<PluginHostException>(() => FaultProbeChecks.NextPluginEvent(capture));

        // Falco writes the error into its log: a second line would read as another entry.
        Assert.DoesNotContain('\n', plugin.LastError);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// Exceptions thrown by author code at every entry point of the published tests/plugins/FaultProbe:
/// the host gets the failure the plugin API prescribes, get_last_error names the plugin, the
/// operation and the cause, the process goes on, the plugin works once the fault is gone (it
/// strikes on the first call only), and it is destroyed cleanly.
/// </summary>
public sealed class FaultInjectionTests
{
    /// <summary>Every operation with a way to report a failure, with every exception and the documented failure.</summary>
    public static TheoryData<string, string, string?> ThrowsAndFailures()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (string at in Faults.Points.Except(["get_metrics", "destroy"]))
        {
            foreach (string variant in Faults.ThrowVariants)
            {
                data.Add(at, Faults.Throw, variant);
            }

            data.Add(at, Faults.Fail, null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ThrowsAndFailures))]
    public void A_fault_is_reported_as_the_api_expects_and_the_plugin_works_once_it_is_gone(string at, string kind, string? variant)
    {
        using var host = new PluginHost();

        FaultDriver.Provoked provoked = FaultDriver.Provoke(host, at, Faults.Config(at, kind, variant));

        string expected = Faults.LastError(at, kind, variant);
        if (variant == "custom")
        {
            // The inner exception's message may follow.
            Assert.StartsWith(expected, provoked.LastError, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, provoked.LastError);
        }

        FaultProbeChecks.AssertWorks(host, provoked.Plugin);
        FaultProbeChecks.AssertDestroyedCleanly(host, provoked.Plugin);
    }

    [Fact]
    public void The_cause_of_a_wrapping_exception_reaches_the_operator()
    {
        using var host = new PluginHost();

        FaultDriver.Provoked provoked = FaultDriver.Provoke(host, "open", Faults.Config("open", Faults.Throw, "custom"));

        Assert.Equal("faultprobe: open: FaultProbeException: injected fault in open: TimeoutException: the backend did not answer", provoked.LastError);
    }

    [Fact]
    public void A_producer_that_fails_is_reported_when_it_fails_not_when_the_handler_is_cleared()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("async_start", Faults.Throw));

        // libsinsp clears the handler only when the capture closes, which may be hours later.
        Assert.True(SpinWait.SpinUntil(() => FaultProbeChecks.Errors(plugin) == 1, TimeSpan.FromSeconds(5)), "the failure was not logged while the handler stayed set");
        Assert.Equal(Faults.LastError("async_start", Faults.Throw, null), plugin.LastError);
    }

    [Theory]
    [InlineData(Faults.Throw, "null_reference")]
    [InlineData(Faults.Throw, "out_of_memory")]
    [InlineData(Faults.Fail, null)]
    public void A_failing_dispose_in_destroy_stays_inside_the_plugin(string kind, string? variant)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("destroy", kind, variant));
        FaultProbeChecks.AssertWorks(host, plugin);

        FaultProbeChecks.AssertDestroyedCleanly(host, plugin);

        Plugin next = host.Load(PublishedPlugins.FaultProbe);
        FaultProbeChecks.AssertWorks(host, next);
    }

    [Theory]
    [InlineData(Faults.Throw, "invalid_operation")]
    [InlineData(Faults.Throw, "null_reference")]
    [InlineData(Faults.Fail, null)]
    public void A_failing_metric_callback_keeps_its_last_value_and_the_other_metrics_are_reported(string kind, string? variant)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("get_metrics", kind, variant, onCall: 2));
        Assert.Equal(1.0, Metric(plugin, "observed"));

        IReadOnlyList<PluginMetric> metrics = plugin.GetMetrics();

        Assert.Equal(["captures_open", "meter_observed", "observed", "routine_calls"], metrics.Select(m => m.RawName).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, metrics.Single(m => m.RawName == "observed").Value);
        Assert.Equal(1.5, metrics.Single(m => m.RawName == "meter_observed").Value);
        Assert.Equal(2.0, Metric(plugin, "observed"));
        FaultProbeChecks.AssertWorks(host, plugin);
        FaultProbeChecks.AssertDestroyedCleanly(host, plugin);
    }

    [Fact]
    public void A_failing_metric_callback_is_reported_to_the_operator()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("get_metrics", Faults.Throw));

        Assert.NotEmpty(plugin.GetMetrics());

        // get_metrics has no failure code: the last error and the log are all an operator gets.
        const string Problem = "metric 'observed' failed: InvalidOperationException: injected fault in get_metrics";
        Assert.Equal("faultprobe: get_metrics: " + Problem, plugin.LastError);
        Assert.Contains(plugin.Logs, l => l.Severity == LogSeverity.Warning && l.Message == Problem);
    }

    [Fact]
    public void A_fault_on_a_later_call_only_fails_that_call_and_delivers_what_was_batched_before_it()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("next_batch", Faults.Throw, onCall: 3, afterEvents: 2));
        using PluginCapture capture = plugin.Open("{\"count\": 20}");

        var payloads = new List<string>();
        for (int i = 0; i < 10; i++)
        {
            payloads.Add(FaultProbeChecks.NextPluginEvent(capture).PayloadText);
        }

        var error = Assert.Throws<PluginHostException>(() => capture.Next(out _));
        Assert.Equal("plugin faultprobe next_batch failed: faultprobe: next_batch: InvalidOperationException: injected fault in next_batch", error.Message);
        payloads.AddRange(FaultProbeChecks.PluginEvents(capture).Select(e => e.PayloadText));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), payloads);
        Assert.Equal(7, capture.BatchCalls);
    }

    [Fact]
    public void A_fault_on_several_calls_fails_each_of_them_and_no_other()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("extract_fields", Faults.Fail, onCall: 2, times: 2));
        CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);

        bool[] failed = Enumerable.Range(0, 5)
            .Select(call => plugin.TryExtract(evt, ["faultprobe.value"], out _) != 0)
            .ToArray();

        Assert.Equal([false, true, true, false, false], failed);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    private static double Metric(Plugin plugin, string name) =>
        Convert.ToDouble(plugin.GetMetrics().Single(m => m.RawName == name).Value, System.Globalization.CultureInfo.InvariantCulture);
}

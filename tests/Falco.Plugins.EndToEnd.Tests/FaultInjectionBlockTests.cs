using System;
using System.Diagnostics;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// Author code of the published tests/plugins/FaultProbe that does not return promptly. The SDK
/// cannot preempt it: where the SDK has no bound, the framework waits and everything goes on
/// once the call returns; where it has one (stopping the async producer, closing a push
/// source), the call returns when the bound is reached.
/// </summary>
public sealed class FaultInjectionBlockTests
{
    private const int BlockMs = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The operations the SDK waits for without a bound.</summary>
    public static TheoryData<string> Unbounded() =>
    [
        "init", "open", "next_batch", "close", "extract_fields", "parse_event", "dump_state", "capture_open",
        "capture_close", "routine", "get_metrics", "set_config", "event_to_string", "list_open_params", "get_progress", "destroy",
    ];

    [Theory]
    [MemberData(nameof(Unbounded))]
    public void A_call_that_blocks_is_waited_for_and_everything_goes_on_once_it_returns(string at)
    {
        using var host = new PluginHost();

        BlockDriver.Blocked blocked = BlockDriver.Run(host, at, Faults.Config(at, Faults.Block, blockMs: BlockMs));

        Assert.InRange(blocked.Elapsed, TimeSpan.FromMilliseconds(BlockMs - 20), Patience);
        Plugin plugin = blocked.Plugin ?? host.Load(PublishedPlugins.FaultProbe);
        FaultProbeChecks.AssertWorks(host, plugin);
        FaultProbeChecks.AssertDestroyedCleanly(host, plugin);
    }

    [Fact]
    public void Setting_the_async_handler_does_not_wait_for_a_producer_that_blocks_as_it_starts()
    {
        using var host = new PluginHost(new PluginHostOptions { SetAsyncHandlerAtLoad = false });
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("async_start", Faults.Block, blockMs: 1000));

        var clock = Stopwatch.StartNew();
        plugin.SetAsyncHandler(true);
        TimeSpan set = clock.Elapsed;
        host.WaitForAsyncEvents(3, Patience);
        TimeSpan arrived = clock.Elapsed;

        Assert.True(set < TimeSpan.FromMilliseconds(900), $"set_async_event_handler took {set.TotalMilliseconds} ms");
        Assert.True(arrived >= TimeSpan.FromMilliseconds(950), $"events arrived after {arrived.TotalMilliseconds} ms");
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void Clearing_the_async_handler_waits_for_a_producer_that_stops_late()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("async_stop", Faults.Block, blockMs: 800));
        host.WaitForAsyncEvents(3, Patience);

        var clock = Stopwatch.StartNew();
        plugin.SetAsyncHandler(false);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(9));
        Assert.Equal("", plugin.LastError);
        Assert.Equal(0, FaultProbeChecks.Errors(plugin));
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void Clearing_the_async_handler_gives_up_on_a_producer_after_ten_seconds()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("async_stop", Faults.Block, blockMs: 12_000));
        host.WaitForAsyncEvents(3, Patience);

        var clock = Stopwatch.StartNew();
        plugin.SetAsyncHandler(false);
        TimeSpan elapsed = clock.Elapsed;

        Assert.InRange(elapsed, TimeSpan.FromSeconds(9.5), TimeSpan.FromSeconds(11.5));
        const string Problem = "the async event producer did not stop within 10 s of being cancelled";
        Assert.Equal("faultprobe: set_async_event_handler: " + Problem, plugin.LastError);
        Assert.Contains(plugin.Logs, l => l.Severity == LogSeverity.Error && l.Message == Problem);

        // The producer still runs, but the emitter refuses it: nothing reaches the framework.
        long accepted = host.AsyncEvents.Accepted;
        FaultProbeChecks.AssertWorks(host, plugin);
        Assert.Equal(accepted + 3, host.AsyncEvents.Accepted);
        FaultProbeChecks.AssertDestroyedCleanly(host, plugin);
    }

    [Fact]
    public void Closing_a_push_capture_waits_for_its_producer_no_longer_than_its_stop_timeout()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, Faults.Config("close", Faults.Block, blockMs: 3000));
        PluginCapture capture = plugin.Open("{\"count\": 3, \"push\": true, \"stopTimeoutMs\": 200}");
        for (int i = 1; i <= 3; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), FaultProbeChecks.NextPluginEvent(capture).PayloadText);
        }

        var clock = Stopwatch.StartNew();
        capture.Dispose();

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(2000));
        FaultProbeChecks.AssertWorks(host, plugin);
        FaultProbeChecks.AssertDestroyedCleanly(host, plugin);
    }
}

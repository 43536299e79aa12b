using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>What tests check on a tests/plugins/FaultProbe state once its fault is over.</summary>
internal static class FaultProbeChecks
{
    private const ushort PluginEventCode = 322;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The first plugin event of a fresh capture of ten events.</summary>
    public static CapturedEvent FirstEvent(Plugin plugin)
    {
        using PluginCapture capture = plugin.Open();
        return PluginEvents(capture)[0];
    }

    /// <summary>The next plugin event of a capture, past the async events merged into the stream.</summary>
    public static CapturedEvent NextPluginEvent(PluginCapture capture)
    {
        while (true)
        {
            CaptureStatus status = capture.Next(out CapturedEvent? evt);
            Assert.NotEqual(CaptureStatus.Eof, status);
            if (status == CaptureStatus.Event && evt!.Type == PluginEventCode)
            {
                return evt;
            }
        }
    }

    /// <summary>The plugin events of a capture, read to its end (async events merged into the stream are left out).</summary>
    public static IReadOnlyList<CapturedEvent> PluginEvents(PluginCapture capture) =>
        capture.ReadEvents().Where(e => e.Type == PluginEventCode).ToArray();

    /// <summary>
    /// Drives every entry point once and checks its result: list_open_params, open, next_batch,
    /// get_progress, close, extract_fields, event_to_string, parse_event and the exported table,
    /// set_config, dump_state, capture_open with its routine, capture_close, get_metrics, and a
    /// new run of the async producer. None may fail or log an error.
    /// </summary>
    public static void AssertWorks(PluginHost host, Plugin plugin)
    {
        int errorsBefore = Errors(plugin);
        Assert.Equal(2, plugin.ListOpenParams().Count);

        IReadOnlyList<CapturedEvent> events;
        using (PluginCapture capture = plugin.Open("{\"count\": 6}"))
        {
            events = PluginEvents(capture);
            Assert.Equal(["1", "2", "3", "4", "5", "6"], events.Select(e => e.PayloadText));
            Assert.Equal((100.0, "6/6 events"), capture.Progress);
        }

        CapturedEvent first = events[0];
        Assert.Equal(1ul, plugin.Extract(first, "faultprobe.value").UInt64);
        Assert.Equal("value-1", plugin.Extract(first, "faultprobe.text").String);
        Assert.Equal("faultprobe event 1", plugin.EventToString(first));

        StateTable items = host.GetTable("faultprobe_items");
        ulong parsed = items.Contains("1") ? (ulong)items.Read("1", "count")! : 0;
        Assert.Contains(plugin, host.Parse(first));
        Assert.Equal(parsed + 1, items.Read("1", "count"));

        plugin.SetConfig("{\"label\": \"healthy\"}");
        Assert.Equal("healthy", plugin.Extract(first, "faultprobe.label").String);
        Assert.Equal("healthy", Encoding.UTF8.GetString(Assert.Single(plugin.DumpState()).AsyncEventData.Span));

        plugin.CaptureOpen();
        SubscribedRoutine routine = host.Routines.Of(plugin)[^1];
        Assert.True(routine.WaitForCalls(3, Patience), routine.ToString());
        plugin.CaptureClose();
        Assert.Equal(RoutineStatus.Unsubscribed, routine.Status);

        Assert.Contains(plugin.GetMetrics(), m => m.RawName == "observed");

        host.AsyncEvents.Clear();
        plugin.SetAsyncHandler(true);
        Assert.All(host.WaitForAsyncEvents(3, Patience), e => Assert.Equal("fault_tick", e.AsyncEventName));
        plugin.SetAsyncHandler(false);

        Assert.Equal(errorsBefore, Errors(plugin));
    }

    /// <summary>Destroys the plugin and checks that nothing of it runs on: no routine, no async producer.</summary>
    public static void AssertDestroyedCleanly(PluginHost host, Plugin plugin)
    {
        plugin.Dispose();
        Assert.All(host.Routines.All, r => Assert.True(r.WaitForEnd(TimeSpan.Zero), $"{r} still has a thread"));
        Assert.DoesNotContain(plugin, host.Plugins);
        long accepted = host.AsyncEvents.Accepted;
        System.Threading.Thread.Sleep(50);
        Assert.Equal(accepted, host.AsyncEvents.Accepted);
    }

    /// <summary>The messages the plugin logged at error severity or worse.</summary>
    public static int Errors(Plugin plugin) => plugin.Logs.Count(l => l.Severity <= LogSeverity.Error);
}

using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// A published tests/plugins/FaultProbe that keeps faulting, loaded beside other .NET plugins
/// (each with its own NativeAOT runtime) in one host, as Falco loads plugins into one inspector.
/// </summary>
public sealed class FaultInjectionIsolationTests
{
    private const int Always = 1000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void A_plugin_whose_every_call_fails_does_not_disturb_another_loaded_beside_it()
    {
        using var host = new PluginHost();
        Plugin faulty = host.Load(PublishedPlugins.FaultProbe, Faults.Config("next_batch", Faults.Throw, "null_reference", times: Always));
        Plugin probe = host.Load(PublishedPlugins.Probe, "{\"label\": \"beside\"}");
        using PluginCapture failing = faulty.Open();
        using PluginCapture working = probe.Open("{\"count\": 20}");

        for (ulong i = 1; i <= 20; i++)
        {
            Assert.Throws<PluginHostException>(() => failing.Next(out _));
            // The host merges the faulty plugin's async events into every capture, as libsinsp does.
            CapturedEvent evt = FaultProbeChecks.NextPluginEvent(working);
            Assert.Equal(i * 3, probe.Extract(evt, "probe.times[3]").UInt64);
        }

        Assert.StartsWith("faultprobe: next_batch: NullReferenceException: ", faulty.LastError, StringComparison.Ordinal);
        Assert.Equal("", probe.LastError);
    }

    [Fact]
    public void Failing_routines_and_a_failed_producer_leave_another_plugins_routines_and_events_alone()
    {
        using var host = new PluginHost();
        Plugin faulty = host.Load(PublishedPlugins.FaultProbe, Faults.Config("routine", Faults.Throw, "index_out_of_range", times: Always));
        Plugin asyncProbe = host.Load(PublishedPlugins.AsyncProbe, "{\"label\": \"beside\", \"eventsPerThread\": 5}");

        host.OpenCapture();
        SubscribedRoutine failed = Assert.Single(host.Routines.Of(faulty));
        Assert.True(failed.WaitForEnd(Patience));
        SubscribedRoutine[] working = host.Routines.Of(asyncProbe).ToArray();
        Assert.Equal(2, working.Length);
        Assert.True(working[1].WaitForCalls(working[1].Calls + 20, Patience), working[1].ToString());
        host.CloseCapture();

        Assert.Equal(RoutineStatus.Finished, failed.Status);
        Assert.Equal("faultprobe: routine: IndexOutOfRangeException: Index was outside the bounds of the array.", faulty.LastError);
        Assert.All(working, r => Assert.NotEqual(RoutineStatus.Running, r.Status));
        Assert.Equal(5, host.AsyncEvents.Count(e => e.AsyncEventName == "tick"));
        Assert.Equal("", asyncProbe.LastError);
    }

    [Fact]
    public void A_plugin_destroyed_after_faults_leaves_the_other_working()
    {
        using var host = new PluginHost();
        Plugin probe = host.Load(PublishedPlugins.Probe, "{\"label\": \"beside\"}");
        Plugin faulty = host.Load(PublishedPlugins.FaultProbe, Faults.Config("destroy", Faults.Throw, "custom"));
        using (PluginCapture capture = faulty.Open())
        {
            Assert.Equal(10, FaultProbeChecks.PluginEvents(capture).Count);
        }

        faulty.Dispose();

        using PluginCapture working = probe.Open("{\"count\": 30}");
        Assert.Equal(
            Enumerable.Range(1, 30).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            FaultProbeChecks.PluginEvents(working).Select(e => probe.Extract(e, "probe.value").UInt64.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Faults_on_many_threads_at_once_are_contained()
    {
        using var host = new PluginHost();
        Plugin faulty = host.Load(PublishedPlugins.FaultProbe, Faults.Config("get_progress", Faults.Throw, "null_reference", times: Always));
        var threads = new Thread[4];
        int failures = 0;
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                using PluginCapture capture = faulty.Open();
                for (int i = 0; i < 200; i++)
                {
                    if (capture.Progress == (0.0, ""))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(800, failures);
        Assert.StartsWith("faultprobe: get_progress: NullReferenceException: ", faulty.LastError, StringComparison.Ordinal);
    }
}

using System.Linq;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>Two .NET plugins, each with its own NativeAOT runtime, in one process.</summary>
public sealed class MultiplePluginsTests
{
    [Fact]
    public void Two_plugins_loaded_at_once_work_interleaved()
    {
        using var dummy = Plugin.Load(PublishedPlugins.Dummy, "{\"jitter\": 0}");
        using var probe = Plugin.Load(PublishedPlugins.Probe, "{\"label\": \"multi\"}");
        using var dummyCapture = dummy.Open("{\"start\": 0, \"maxEvents\": 30}");
        using var probeCapture = probe.Open("{\"count\": 30}");

        for (int i = 1; i <= 30; i++)
        {
            Assert.Equal(CaptureStatus.Event, dummyCapture.Next(out CapturedEvent? d));
            Assert.Equal(CaptureStatus.Event, probeCapture.Next(out CapturedEvent? p));
            Assert.Equal((ulong)i, dummy.Extract(d!, "dummy.value").UInt64);
            Assert.Equal((ulong)i * 2, probe.Extract(p!, "probe.times[2]").UInt64);
        }
    }

    [Fact]
    public void Unloading_one_plugin_leaves_the_other_working()
    {
        using var dummy = Plugin.Load(PublishedPlugins.Dummy);
        using (var probe = Plugin.Load(PublishedPlugins.Probe, "{\"label\": \"short-lived\"}"))
        {
            using var capture = probe.Open("{\"count\": 5}");
            Assert.Equal(5, capture.ReadEvents().Count);
        }

        using var dummyCapture = dummy.Open("{\"maxEvents\": 40}");
        Assert.Equal(40, dummyCapture.ReadEvents().Count(e => dummy.Extract(e, "dummy.value").IsPresent));
    }
}

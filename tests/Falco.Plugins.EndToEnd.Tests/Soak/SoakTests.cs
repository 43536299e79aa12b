using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Syscalls;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Soak;

/// <summary>
/// Events pushed through source, extraction and parsing of published plugins in a plain C
/// process (tests/native/reliability_driver.c), with resident memory and the plugins' garbage
/// collections sampled after a warm-up (10% of the events), in the middle and at the end.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    /// <summary>Growth of resident memory from the warm-up sample to the end that counts as noise: the runtimes' heaps settle within it.</summary>
    private const long RssNoiseKb = 16 * 1024;

    [Fact]
    public void Memory_stays_flat_while_events_flow_through_source_extraction_and_parsing()
    {
        long events = SoakBudget.SoakEvents;
        byte[] openat2 = SyscallOpenat2Exit.Encode(1_700_000_000_000_000_000, 42, 5, -100, Encoding.UTF8.GetBytes("/etc/passwd"), 0, 0, 0, 0);
        byte[] close = SyscallCloseExit.Encode(1_700_000_000_000_000_000, 42, 0, 5);

        JsonElement result = ReliabilityDriver.Run(
            TimeSpan.FromSeconds(120 + (events / 20_000)),
            "soak",
            PublishedPlugins.DummyWithDiagnostics,
            PublishedPlugins.SyscallProbeWithDiagnostics,
            events.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToHexString(openat2),
            Convert.ToHexString(close));

        JsonElement[] samples = result.GetProperty("samples").EnumerateArray().ToArray();
        foreach (JsonElement sample in samples)
        {
            output.WriteLine($"soak: after {sample.GetProperty("events")} events rss {sample.GetProperty("rssKb")} KiB, " +
                $"collections dummy {sample.GetProperty("gcDummy")} syscallprobe {sample.GetProperty("gcSyscallProbe")}");
        }

        long warm = samples[0].GetProperty("rssKb").GetInt64();
        long end = samples[2].GetProperty("rssKb").GetInt64();
        Assert.Equal(events, result.GetProperty("events").GetInt64());
        Assert.True(end - warm <= RssNoiseKb, $"resident memory grew {end - warm} KiB after the warm-up (bound {RssNoiseKb} KiB)");

        // The syscall probe allocates a string per extraction: its runtime collects, and memory still stays flat.
        Assert.True(samples[2].GetProperty("gcSyscallProbe").GetInt64() > samples[0].GetProperty("gcSyscallProbe").GetInt64());
    }
}

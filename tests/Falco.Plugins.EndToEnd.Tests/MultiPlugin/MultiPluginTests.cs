using System;
using System.Text;
using System.Text.Json;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Syscalls;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.MultiPlugin;

/// <summary>
/// Three .NET plugins (examples/Dummy, tests/plugins/Probe, tests/plugins/SyscallProbe) and the C
/// baseline of bench/baseline in one plain C process (tests/native/reliability_driver.c), driven
/// from several threads while init/destroy and dlopen/dlclose cycles run beside them.
/// </summary>
public sealed class MultiPluginTests(ITestOutputHelper output)
{
    /// <summary>Growth of resident memory across the cycles that counts as noise.</summary>
    private const long RssNoiseKb = 32 * 1024;

    [Fact]
    public void Plugins_of_both_kinds_share_a_process_across_threads_and_load_cycles()
    {
        int rounds = SoakBudget.StressRounds;
        byte[] openat2 = SyscallOpenat2Exit.Encode(1_700_000_000_000_000_000, 42, 5, -100, Encoding.UTF8.GetBytes("/etc/passwd"), 0, 0, 0, 0);

        JsonElement result = ReliabilityDriver.Run(
            TimeSpan.FromSeconds(180 * rounds),
            "multi",
            PublishedPlugins.Dummy,
            PublishedPlugins.Probe,
            PublishedPlugins.SyscallProbe,
            ReliabilityDriver.CBaselinePlugin,
            Convert.ToHexString(openat2),
            "4",
            (20_000 * rounds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (1000 * rounds / 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (100 * rounds / 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine("multi-plugin: " + result.GetRawText());

        long start = result.GetProperty("rssStartKb").GetInt64();
        long end = result.GetProperty("rssEndKb").GetInt64();
        Assert.True(end - start <= RssNoiseKb, $"resident memory grew {end - start} KiB (bound {RssNoiseKb} KiB)");
        Assert.Equal(1, result.GetProperty("freshAfterReopen").GetInt32());

        // NativeAOT libraries are NODELETE: dlclose leaves them loaded, even after the last handle.
        Assert.Equal(result.GetProperty("dlopenCycles").GetInt32(), result.GetProperty("stillLoadedAfterDlclose").GetInt32());
        Assert.Equal(1, result.GetProperty("residentAfterLastDlclose").GetInt32());
    }
}

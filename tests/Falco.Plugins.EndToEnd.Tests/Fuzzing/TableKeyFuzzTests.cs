using System;
using System.Globalization;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Random table keys through tests/plugins/TableProbe: thread ids that are and are not in the
/// host's <c>threads</c> table, descriptor numbers of its nested table, and string keys of the
/// table it exports, in parse_event and extract_fields.
/// </summary>
public sealed class TableKeyFuzzTests(ITestOutputHelper output)
{
    private static readonly long[] KnownThreads = [100, 101, 200];

    [Fact]
    public void TableProbe_survives_random_thread_descriptor_and_item_keys()
    {
        using PluginHost host = FuzzHost.WithThreads();
        Plugin probe = host.Load(PublishedPlugins.TableProbe);
        string[] keyed = ["tableprobe.item_count", "tableprobe.item_label", "tableprobe.item_note"];

        FuzzRun run = FuzzRun.Execute(output, "tableprobe table keys", 5_001, FuzzBudget.Cases(30_000), (run, random) =>
        {
            long tid = random.Next(3) switch
            {
                0 => KnownThreads[random.Next(KnownThreads.Length)],
                1 => random.NextInt64(long.MinValue, long.MaxValue),
                _ => random.Next(-3, 300),
            };
            CapturedEvent evt = SyscallEvents.For(tid);
            run.Check(probe, probe.TryParse(evt), "parse_event");

            string field = random.Next(3) switch
            {
                0 => $"{keyed[random.Next(keyed.Length)]}[{Key(random)}]",
                1 => "tableprobe.fd_name[" + ((ulong)random.NextInt64()).ToString(CultureInfo.InvariantCulture) + "]",
                _ => FuzzFields.Named(random, probe.Info.Fields),
            };
            run.Check(probe, probe.TryExtract(evt, [field], out _), "extract_fields");
        });

        Assert.True(run.Successes > 0, "the cases reach the plugin's code");
    }

    private static string Key(Random random) => random.Next(4) switch
    {
        0 => "bash",
        1 => "curl",
        2 => "",
        _ => ((char)random.Next('a', 'z' + 1)).ToString() + random.Next().ToString(CultureInfo.InvariantCulture),
    };
}

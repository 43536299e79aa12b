using System;
using System.Text;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Testing;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Syscall events broken every way the header allows, parsed and extracted by published plugins
/// that read the syscall source: tests/plugins/SyscallProbe (typed views, dispatched by code) and
/// examples/ThreadCounter (the thread table), in guarded memory.
/// </summary>
public sealed class SyscallEventFuzzTests(ITestOutputHelper output)
{
    private const ulong Timestamp = 1_700_000_000_000_000_000;

    private static readonly ushort[] Types =
        [SyscallOpenat2Exit.Code, SyscallOpenExit.Code, SyscallCloseExit.Code, SyscallOpenat2Exit.Code - 1, 1, 322, 402, ushort.MaxValue];

    private static readonly byte[][] Seeds =
    [
        SyscallOpenat2Exit.Encode(Timestamp, 100, 5, -100, Encoding.UTF8.GetBytes("/etc/passwd"), 0, 0, 0, 0),
        SyscallOpenat2Exit.Encode(Timestamp, 200, -2, -100, Encoding.UTF8.GetBytes("/missing"), 0, 0, 0, 0),
        SyscallOpenat2Exit.Encode(Timestamp, 100, 7, 3, new byte[300], 0, 0, 0, 0),
        SyscallOpenExit.Encode(Timestamp, 101, 4, Encoding.UTF8.GetBytes("/tmp/x"), 0, 0, 0, 0),
        SyscallCloseExit.Encode(Timestamp, 100, 0, 3),
        SyscallEvents.For(100).Bytes.ToArray(),
    ];

    [Fact]
    public void SyscallProbe_parsing_and_extraction_survive_broken_syscall_events()
    {
        using Plugin probe = Plugin.Load(PublishedPlugins.SyscallProbe, options: FuzzHost.Options());

        FuzzRun run = FuzzRun.Execute(output, "syscallprobe syscall events", 1_001, FuzzBudget.Cases(200_000), (run, random) =>
            Exercise(run, random, probe));

        Assert.True(run.Successes > 0 && run.Failures > 0, "the cases reach both outcomes");
    }

    [Fact]
    public void ThreadCounter_parsing_and_extraction_survive_broken_syscall_events()
    {
        using PluginHost host = FuzzHost.WithThreads();
        Plugin counter = host.Load(PublishedPlugins.ThreadCounter);

        FuzzRun run = FuzzRun.Execute(output, "threadcounter syscall events", 1_002, FuzzBudget.Cases(50_000), (run, random) =>
            Exercise(run, random, counter));

        Assert.True(run.Successes > 0, "the cases reach the plugin's code");
    }

    private static void Exercise(FuzzRun run, Random random, Plugin plugin)
    {
        byte[] seed = Seeds[random.Next(Seeds.Length)];
        byte[] bytes = random.Next(10) == 0 ? seed : EventMutator.Mutate(random, seed, Types);
        CapturedEvent evt = CapturedEvent.FromBytes(bytes, source: "syscall");

        run.Check(plugin, plugin.TryParse(evt), "parse_event");
        run.Check(plugin, plugin.TryExtract(evt, FuzzFields.NamedSet(random, plugin.Info.Fields), out _), "extract_fields");
    }
}

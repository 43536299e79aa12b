using System;
using System.Collections.Generic;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Plugin events (code 322) broken every way the header allows, handed to the extractors and
/// formatters of published source plugins (examples/Dummy, tests/plugins/Probe) in guarded memory.
/// </summary>
public sealed class PluginEventFuzzTests(ITestOutputHelper output)
{
    private static readonly ushort[] Types = [322, 322, 322, 402, 1, 2, 0, ushort.MaxValue];

    [Fact]
    public void Dummy_extraction_and_rendering_survive_broken_plugin_events()
    {
        using Plugin dummy = Plugin.Load(PublishedPlugins.Dummy, options: FuzzHost.Options());
        IReadOnlyList<CapturedEvent> seeds = Capture(dummy, """{"start": 1, "maxEvents": 64}""");

        FuzzRun run = FuzzRun.Execute(output, "dummy plugin events", 322_001, FuzzBudget.Cases(300_000), (run, random) =>
            Exercise(run, random, dummy, seeds));

        Assert.True(run.Successes > 0 && run.Failures > 0, "the cases reach both outcomes");
    }

    [Fact]
    public void Probe_extraction_survives_broken_plugin_events()
    {
        using Plugin probe = Plugin.Load(PublishedPlugins.Probe, """{"label": "fuzz"}""", FuzzHost.Options());
        IReadOnlyList<CapturedEvent> seeds = Capture(probe, """{"count": 64}""");

        FuzzRun run = FuzzRun.Execute(output, "probe plugin events", 322_002, FuzzBudget.Cases(300_000), (run, random) =>
            Exercise(run, random, probe, seeds));

        Assert.True(run.Successes > 0 && run.Failures > 0, "the cases reach both outcomes");
    }

    private static IReadOnlyList<CapturedEvent> Capture(Plugin plugin, string parameters)
    {
        using PluginCapture capture = plugin.Open(parameters);
        IReadOnlyList<CapturedEvent> events = capture.ReadEvents(64);
        Assert.NotEmpty(events);
        return events;
    }

    private static void Exercise(FuzzRun run, Random random, Plugin plugin, IReadOnlyList<CapturedEvent> seeds)
    {
        CapturedEvent seed = seeds[random.Next(seeds.Count)];
        byte[] bytes = random.Next(10) == 0 ? seed.Bytes.ToArray() : EventMutator.Mutate(random, seed.Bytes.Span, Types);
        CapturedEvent evt = CapturedEvent.FromBytes(bytes, source: seed.Source);

        run.Check(plugin, plugin.TryExtract(evt, FuzzFields.NamedSet(random, plugin.Info.Fields), out _), "extract_fields");
        if (random.Next(4) == 0)
        {
            _ = plugin.EventToString(evt);
        }
    }
}

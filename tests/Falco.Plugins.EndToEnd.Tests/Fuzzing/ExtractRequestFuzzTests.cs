using System;
using System.Collections.Generic;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// extract_fields requests no rule could produce: unknown field ids, arguments missing or present
/// without a value, keys for index fields, extreme indexes, long and odd keys, on well-formed
/// events of examples/Dummy and tests/plugins/Probe.
/// </summary>
public sealed class ExtractRequestFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Dummy_extraction_survives_raw_field_requests()
    {
        using Plugin dummy = Plugin.Load(PublishedPlugins.Dummy, options: FuzzHost.Options());
        IReadOnlyList<CapturedEvent> events = dummy.Open("""{"start": 1, "maxEvents": 32}""").ReadEvents(32);

        FuzzRun run = FuzzRun.Execute(output, "dummy field requests", 3_001, FuzzBudget.Cases(150_000), (run, random) =>
            Exercise(run, random, dummy, events));

        Assert.True(run.Successes > 0 && run.Failures > 0, "the cases reach both outcomes");
    }

    [Fact]
    public void Probe_extraction_survives_raw_field_requests()
    {
        using Plugin probe = Plugin.Load(PublishedPlugins.Probe, """{"label": "fuzz"}""", FuzzHost.Options());
        IReadOnlyList<CapturedEvent> events = probe.Open("""{"count": 32}""").ReadEvents(32);

        FuzzRun run = FuzzRun.Execute(output, "probe field requests", 3_002, FuzzBudget.Cases(150_000), (run, random) =>
            Exercise(run, random, probe, events));

        Assert.True(run.Successes > 0 && run.Failures > 0, "the cases reach both outcomes");
    }

    private static void Exercise(FuzzRun run, Random random, Plugin plugin, IReadOnlyList<CapturedEvent> events)
    {
        var requests = new FieldRequest[random.Next(1, 4)];
        for (int i = 0; i < requests.Length; i++)
        {
            requests[i] = FuzzFields.Raw(random, plugin.Info.Fields);
        }

        run.Check(plugin, plugin.TryExtract(events[random.Next(events.Count)], requests, out _), "extract_fields");
    }
}

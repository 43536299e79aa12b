using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Falco.Plugins.Syscalls;
using Xunit.Abstractions;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// Whatever the bytes, reading an event through its typed view (TryRead, then every accessor,
/// TryGet and string helper, with every list walked and every value rendered) and through the
/// schema never throws and never reads outside the event: each case sits in memory that ends
/// at an inaccessible page, so a read past its end crashes the test run.
/// </summary>
public sealed unsafe class MalformedEventTests(ITestOutputHelper output)
{
    private const int Cases = 120_000;

    [Fact]
    public void Malformed_events_are_rejected_or_read_safely()
    {
        TypedEventHarness harness = TypedEventHarness.Instance;
        List<(EventInfo Info, byte[] Bytes)> corpus = Corpus();
        output.WriteLine($"corpus of {corpus.Count} events");
        var random = new Random(20240607);
        var failures = new List<string>();
        var accepted = new Dictionary<string, int>();
        var tried = new Dictionary<string, int>();
        using var memory = new GuardedMemory(1 << 20);
        var clock = Stopwatch.StartNew();

        for (int n = 0; n < Cases; n++)
        {
            (EventInfo info, byte[] valid) = corpus[random.Next(corpus.Count)];
            byte[] bytes = EventMutator.Mutate(valid, info.HasLargePayload, random, out string kind);

            // Mostly the event's own view; sometimes another one, which must reject it.
            int reader = random.Next(10) == 0 ? random.Next(EventSchema.Count) : (int)info.Code;
            byte* start = memory.PlaceAtEnd(bytes);
            tried[kind] = tried.GetValueOrDefault(kind) + 1;
            try
            {
                harness.Read(reader, (nint)start, bytes.Length);
                if (reader == (int)info.Code && Accepts(reader, start, bytes.Length))
                {
                    accepted[kind] = accepted.GetValueOrDefault(kind) + 1;
                }
            }
            catch (Exception e)
            {
                failures.Add($"case {n} ({kind} of {info.EnumName}, read as code {reader}): {e.GetType().Name}: {e.Message}\n  {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 96)))}");
            }
        }

        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s; accepted per kind: {Describe(accepted, tried)}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));

        // The cases must reach the accessors, not only the layout check.
        Assert.True(accepted.GetValueOrDefault("rewrite-parameter") > tried["rewrite-parameter"] / 2, Describe(accepted, tried));
        Assert.True(accepted.GetValueOrDefault("drop-trailing-parameters") > tried["drop-trailing-parameters"] / 2, Describe(accepted, tried));
        Assert.True(accepted.GetValueOrDefault("random-body") > tried["random-body"] / 2, Describe(accepted, tried));
        Assert.Equal(0, accepted.GetValueOrDefault("lengths-do-not-add-up"));
        Assert.Equal(0, accepted.GetValueOrDefault("huge-nparams"));
    }

    /// <summary>Three well-formed events per code, from the round trip's random seeds.</summary>
    private static List<(EventInfo Info, byte[] Bytes)> Corpus()
    {
        var corpus = new List<(EventInfo, byte[])>();
        var failures = new List<string>();
        foreach (EventInfo info in EventSchema.Events)
        {
            for (int seed = 2; seed < 5; seed++)
            {
                var checks = new ParamChecks(new ParamValues(info, seed), failures);
                TypedEventHarness.Instance.RoundTrip((int)info.Code, new ParamValues(info, seed), checks);
                corpus.Add((info, checks.EncodedBytes));
            }
        }

        return corpus;
    }

    private static bool Accepts(int code, byte* start, int length)
    {
        EventView view = EventViews.FromSpan(start, length);
        return SyscallEvent.TryCreate(view, out SyscallEvent e) && (int)e.Code == code;
    }

    private static string Describe(Dictionary<string, int> accepted, Dictionary<string, int> tried) =>
        string.Join(", ", tried.Select(t => $"{t.Key}: {accepted.GetValueOrDefault(t.Key)}/{t.Value}"));
}

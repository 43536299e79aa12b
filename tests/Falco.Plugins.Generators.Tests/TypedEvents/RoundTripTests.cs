using System;
using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// Every code of the table, through its own generated view type: values from several seeds
/// (zeros and empty values, maximums and long values, random ones) are encoded with
/// <c>Encode</c> and <c>TryWrite</c>, read back with <c>TryRead</c>, and every accessor and
/// <c>TryGet</c> is compared with what was written.
/// </summary>
public sealed class RoundTripTests
{
    private const int Seeds = 8;

    [Fact]
    public void Every_code_round_trips_through_its_typed_view()
    {
        TypedEventHarness harness = TypedEventHarness.Instance;
        var failures = new List<string>();
        int compared = 0;

        foreach (EventInfo info in EventSchema.Events)
        {
            for (int seed = 0; seed < Seeds; seed++)
            {
                int before = failures.Count;
                var values = new ParamValues(info, seed);
                var checks = new ParamChecks(values, failures);
                try
                {
                    harness.RoundTrip((int)info.Code, values, checks);
                }
                catch (Exception e)
                {
                    failures.Add($"{info.EnumName}: {e.GetType().Name}: {e.Message}");
                }

                compared += checks.Checked;
                for (int i = before; i < failures.Count; i++)
                {
                    failures[i] = $"seed {seed}: {failures[i]}";
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(Seeds * EventSchema.Events.Sum(e => e.ParamCount), compared);
    }

    [Fact]
    public void The_seeds_cover_every_parameter_type_of_the_table_with_edge_values()
    {
        ParamType[] used = EventSchema.Events.SelectMany(e => e.Parameters).Select(p => p.Type).Distinct().ToArray();

        Assert.Equal(39, used.Length);
        Assert.Contains(ParamType.Dyn, used);
        Assert.Contains(ParamType.SockTuple, used);
        Assert.Contains(ParamType.CharBufPairArray, used);
        Assert.Equal(long.MaxValue, new ParamValues(EventSchema.Get(EventCode.SyscallOpenat2Exit), 1).Int64(0));
        Assert.True(new ParamValues(EventSchema.Get(EventCode.SyscallOpenat2Exit), 1).Text(2).Length > 4000);
        Assert.True(new ParamValues(EventSchema.Get(EventCode.SyscallOpenat2Exit), 0).Text(2).IsEmpty);
    }
}

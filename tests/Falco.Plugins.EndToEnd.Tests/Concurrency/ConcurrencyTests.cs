using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Concurrency;

/// <summary>
/// Several plugin states of one published library used at once, as libsinsp does with one state
/// per inspector: extraction and next_batch on distinct states from parallel threads, and destroy
/// of a state while its routine runs. Async emission while the handler is swapped is
/// <see cref="AsyncEventTests.Four_threads_emitting_while_the_handler_is_swapped_and_cleared_lose_nothing_and_send_nothing_after_the_stop"/>.
/// Every wait is bounded: a deadlock fails the test.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Threads = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public void Extraction_from_eight_threads_on_eight_states_equals_the_single_threaded_results()
    {
        int rounds = SoakBudget.StressRounds;
        using Plugin reference = Plugin.Load(PublishedPlugins.Probe, """{"label": "same"}""");
        IReadOnlyList<CapturedEvent> events = reference.Open("""{"count": 200}""").ReadEvents(200);
        string[] fields = ["probe.value", "probe.text", "probe.digits", "probe.times[3]", "probe.label[k]", "probe.addr"];
        string[] expected = events.Select(e => Render(reference, e, fields)).ToArray();

        var states = Enumerable.Range(0, Threads).Select(_ => Plugin.Load(PublishedPlugins.Probe, """{"label": "same"}""")).ToArray();
        try
        {
            RunBounded(states.Select(state => (Action)(() =>
            {
                for (int round = 0; round < rounds * 5; round++)
                {
                    for (int i = 0; i < events.Count; i++)
                    {
                        string actual = Render(state, events[i], fields);
                        if (actual != expected[i])
                        {
                            throw new InvalidOperationException($"event {i}: '{actual}' instead of '{expected[i]}'");
                        }
                    }
                }
            })));
        }
        finally
        {
            foreach (Plugin state in states)
            {
                state.Dispose();
            }
        }

        output.WriteLine($"concurrency: {Threads} threads x {rounds * 5 * events.Count} extractions of {fields.Length} fields");
    }

    [Fact]
    public void Next_batch_on_distinct_instances_in_parallel_delivers_every_capture_whole()
    {
        int rounds = SoakBudget.StressRounds;
        var states = Enumerable.Range(0, Threads).Select(_ => Plugin.Load(PublishedPlugins.Dummy)).ToArray();
        try
        {
            RunBounded(states.Select(state => (Action)(() =>
            {
                for (int round = 0; round < rounds * 3; round++)
                {
                    using PluginCapture capture = state.Open("""{"start": 1, "maxEvents": 2000, "batchSize": 32}""");
                    IReadOnlyList<CapturedEvent> events = capture.ReadEvents();
                    if (events.Count != 2000 || events.Any(e => state.Extract(e, "dummy.value").UInt64.ToString(System.Globalization.CultureInfo.InvariantCulture) != e.PayloadText))
                    {
                        throw new InvalidOperationException($"a capture delivered {events.Count} events or values that do not match their payloads");
                    }
                }
            })));
        }
        finally
        {
            foreach (Plugin state in states)
            {
                state.Dispose();
            }
        }
    }

    [Fact]
    public async Task Destroying_a_state_while_its_routine_runs_stops_the_routine_and_returns()
    {
        // tests/plugins/FaultProbe subscribes a routine at capture_open; destroy must stop it and return.
        int rounds = SoakBudget.StressRounds;
        for (int i = 0; i < rounds * 3; i++)
        {
            var plugin = Plugin.Load(PublishedPlugins.FaultProbe);
            plugin.CaptureOpen();
            await Task.Delay(2);
            await Task.Run(plugin.Dispose).WaitAsync(Patience);
        }
    }

    private static string Render(Plugin plugin, CapturedEvent evt, string[] fields) =>
        string.Join("|", plugin.Extract(evt, fields).Select(f => string.Join(",", f.Values)));

    private static void RunBounded(IEnumerable<Action> bodies)
    {
        Task[] tasks = bodies.Select(body => Task.Factory.StartNew(body, TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(Task.WaitAll(tasks, Patience), "a thread did not finish in time (deadlock or hang)");
    }
}

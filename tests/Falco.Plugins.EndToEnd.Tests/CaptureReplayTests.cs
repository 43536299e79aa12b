using System.Collections.Generic;
using System.IO;
using System.Linq;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// The libsinsp test captures of shared/data replayed through the published examples/ThreadCounter:
/// its parser counts each thread's events in the threads table and in its own table, and its
/// extractor reads them back event by event, as Falco would replay the capture.
/// </summary>
public sealed class CaptureReplayTests
{
    [Theory]
    [InlineData("single_ipv6_conn.scap", 1714)]
    [InlineData("test_ipv6_client.scap", 293)]
    public void ThreadCounter_counts_the_events_of_each_thread_of_the_process_list(string name, int events)
    {
        string path = SharedCapture(name);
        (HashSet<long> seeded, Dictionary<long, ulong> expected) = CountsFromFile(path);
        using var host = new PluginHost();
        Plugin counter = host.Load(PublishedPlugins.ThreadCounter);
        var running = new Dictionary<long, ulong>();

        long replayed = host.Replay(path, evt =>
        {
            long tid = (long)evt.ThreadId;
            ExtractedField count = counter.Extract(evt, "threadcounter.events");
            if (!seeded.Contains(tid))
            {
                // The counter only counts threads the table knows: libsinsp's own thread tracking is not replayed.
                Assert.False(count.IsPresent);
                return;
            }

            running[tid] = running.GetValueOrDefault(tid) + 1;
            Assert.Equal(running[tid], count.UInt64);
            Assert.Equal(running[tid], counter.Extract(evt, "threadcounter.table_events").UInt64);
        });

        Assert.Equal(events, replayed);
        Assert.Equal(expected, running);
        Assert.All(expected, pair => Assert.Equal(pair.Value, host.Threads[pair.Key].Get<ulong>("threadcounter.events")));
        StateTable counts = host.GetTable("thread_counts");
        Assert.Equal((ulong)expected.Count, counts.Count);
        Assert.All(expected, pair => Assert.Equal(host.Threads[pair.Key].Comm, counts.Read(pair.Key, "comm")));
    }

    [Fact]
    public void ThreadCounter_reads_the_seeded_command_and_file_descriptors()
    {
        using var host = new PluginHost();
        Plugin counter = host.Load(PublishedPlugins.ThreadCounter);
        CapturedEvent? last = null;

        host.Replay(SharedCapture("single_ipv6_conn.scap"), evt => last = evt);

        // The capture ends with a procinfo event of sysdig itself, writing the capture.
        Assert.Equal(25884ul, last!.ThreadId);
        Assert.Equal("sysdig", counter.Extract(last, "threadcounter.comm").String);
        Assert.Equal("/home/mstemm/builds/sysdig/release/single_ipv6_conn.scap", counter.Extract(last, "threadcounter.fd_name[5]").String);
        Assert.Equal("/dev/pts/1", counter.Extract(last, "threadcounter.fd_name[0]").String);
        Assert.False(counter.Extract(last, "threadcounter.fd_name[42]").IsPresent);
    }

    /// <summary>The events of each thread of the process list, counted straight from the file.</summary>
    private static (HashSet<long> Seeded, Dictionary<long, ulong> Counts) CountsFromFile(string path)
    {
        using CaptureFile file = CaptureFile.Open(path);
        var seeded = file.Threads.Select(t => t.Tid).ToHashSet();
        var counts = new Dictionary<long, ulong>();
        foreach (CapturedEvent evt in file.ReadEvents())
        {
            long tid = (long)evt.ThreadId;
            if (seeded.Contains(tid))
            {
                counts[tid] = counts.GetValueOrDefault(tid) + 1;
            }
        }

        return (seeded, counts);
    }

    /// <summary>A capture of shared/data, beside the repository (CI clones it there).</summary>
    private static string SharedCapture(string name)
    {
        string path = Path.GetFullPath(Repository.Path("..", "shared", "data", "captures", name));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the shared test data is missing: {path} (the tests expect the 'shared' directory beside the repository)", path);
    }
}

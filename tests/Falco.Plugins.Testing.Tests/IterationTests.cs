using System.Collections.Generic;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>iterate_entries: 1 when every entry was visited, 0 when the callback stopped it; entries are valid during the callback only.</summary>
public sealed unsafe class IterationTests : System.IDisposable
{
    private readonly PluginHost _host = new();
    private readonly TablesClient _client;
    private readonly TableInput* _threads;
    private readonly void* _tid;

    public IterationTests()
    {
        foreach (long tid in new long[] { 30, 10, 20 })
        {
            _host.Threads.Add(tid);
        }

        _client = new TablesClient(_host);
        _threads = _client.GetTable("threads", TableAbi.Int64);
        _tid = _client.GetField(_threads, "tid", TableAbi.Int64);
    }

    [Fact]
    public void Visiting_every_entry_returns_one()
    {
        var tids = new List<long>();

        uint result = Iteration.Run(TablesClient.Reader, _threads, entry =>
        {
            tids.Add(_client.Read(_threads, (void*)entry, _tid).S64);
            return true;
        });

        Assert.Equal(1u, result);
        Assert.Equal([10L, 20L, 30L], tids);
    }

    [Fact]
    public void Stopping_early_returns_zero_and_visits_no_more()
    {
        int visits = 0;

        uint result = Iteration.Run(TablesClient.Reader, _threads, _ => ++visits < 2);

        Assert.Equal(0u, result);
        Assert.Equal(2, visits);
    }

    [Fact]
    public void An_empty_table_is_fully_visited()
    {
        _host.Threads.Clear();

        Assert.Equal(1u, Iteration.Run(TablesClient.Reader, _threads, _ => false));
    }

    [Fact]
    public void Entry_handles_of_an_iteration_are_invalid_after_their_callback()
    {
        nint kept = 0;
        Iteration.Run(TablesClient.Reader, _threads, entry =>
        {
            kept = entry;
            return false;
        });

        Assert.Equal(TableAbi.Failure, _client.TryRead(_threads, (void*)kept, _tid, out _));
        Assert.Equal("invalid table entry handle: it was released, or obtained in a callback that has returned", _client.OwnerError);
        Assert.Equal(0, _client.Plugin.LiveEntryHandles);
    }

    [Fact]
    public void Entries_may_be_written_while_iterating()
    {
        void* comm = _client.GetField(_threads, "comm", TableAbi.String);

        Iteration.Run(TablesClient.Reader, _threads, entry =>
        {
            _client.WriteString(_threads, (void*)entry, comm, "visited");
            return true;
        });

        Assert.All(_host.Threads.Entries, thread => Assert.Equal("visited", thread.Comm));
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }
}

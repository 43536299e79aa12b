using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Falco.Plugins.Async;

namespace Falco.Plugins.Tests.Async;

/// <summary>The async event emitter: encoding, declared names, handler errors and detaching.</summary>
[Collection(nameof(RecordingHandler))]
public sealed class AsyncEventEmitterTests
{
    public AsyncEventEmitterTests()
    {
        RecordingHandler.Reset();
    }

    [Fact]
    public unsafe void Emits_a_code_402_event_with_the_name_and_data()
    {
        var emitter = new AsyncEventEmitter("p", ["tick"]);
        emitter.Attach(RecordingHandler.Session());

        emitter.Emit("tick", "payload"u8, timestamp: 1234, threadId: 77);

        byte[] evt = Assert.Single(RecordingHandler.Received);
        fixed (byte* bytes = evt)
        {
            Assert.True(EventView.TryCreate((Falco.Plugins.Abi.EventHeader*)bytes, out EventView view, out string? error), error);
            Assert.True(view.IsAsyncEvent);
            Assert.Equal(1234ul, view.Timestamp);
            Assert.Equal(77ul, view.ThreadId);
            Assert.Equal(3u, view.ParamCount);
            Assert.Equal("tick", Encoding.UTF8.GetString(view.AsyncEventName));
            Assert.Equal("payload", Encoding.UTF8.GetString(view.AsyncEventData));
        }

        Assert.Equal(42 + 5 + 7, evt.Length);
        Assert.Equal(0u, BitConverter.ToUInt32(evt, 38));
    }

    [Fact]
    public void Large_events_go_through_a_pooled_buffer()
    {
        var emitter = new AsyncEventEmitter("p", ["big"]);
        emitter.Attach(RecordingHandler.Session());
        byte[] data = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        emitter.Emit("big", data);

        byte[] evt = Assert.Single(RecordingHandler.Received);
        Assert.Equal(data, evt.AsSpan(42 + 4).ToArray());
    }

    [Fact]
    public void Undeclared_names_are_refused_without_reaching_the_handler()
    {
        var emitter = new AsyncEventEmitter("p", ["tick", "tock"]);
        emitter.Attach(RecordingHandler.Session());

        var error = Assert.Throws<PluginException>(() => emitter.Emit("boom", "x"u8));

        Assert.Equal("'boom' is not an async event this plugin declared (declared: tick, tock)", error.Message);
        Assert.Empty(RecordingHandler.Received);
    }

    [Fact]
    public void Handler_errors_reach_the_author()
    {
        var emitter = new AsyncEventEmitter("p", ["tick"]);
        emitter.Attach(RecordingHandler.Session());
        RecordingHandler.Refusal = "queue full";

        Assert.False(emitter.TryEmit("tick", "x"u8, out string? error));

        Assert.Equal("the framework refused the async event: queue full", error);
    }

    [Fact]
    public void Without_a_handler_events_are_refused()
    {
        var emitter = new AsyncEventEmitter("p", ["tick"]);

        Assert.False(emitter.IsActive);
        Assert.False(emitter.TryEmit("tick", "x"u8, out string? error));
        Assert.Equal("the framework takes no async events now (its handler is not set)", error);
    }

    [Fact]
    public async Task After_detach_returns_no_event_reaches_the_handler_even_with_emitters_racing()
    {
        var emitter = new AsyncEventEmitter("p", ["tick"]);
        emitter.Attach(RecordingHandler.Session());
        using var stop = new CancellationTokenSource();
        long accepted = 0;
        Task[] emitters = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (emitter.TryEmit("tick", "x"u8, out string? _))
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        })).ToArray();
        while (Interlocked.Read(ref accepted) < 1000)
        {
            Thread.Yield();
        }

        emitter.Detach();
        int inside = Volatile.Read(ref RecordingHandler.Inside);
        int received = RecordingHandler.Received.Count;
        await Task.Delay(50);
        stop.Cancel();
        await Task.WhenAll(emitters);

        Assert.Equal(0, inside);
        Assert.Equal(received, RecordingHandler.Received.Count);
        Assert.Equal(Interlocked.Read(ref accepted), received);
    }
}

/// <summary>Tests that share the recording handler's static state run one at a time.</summary>
[CollectionDefinition(nameof(RecordingHandler), DisableParallelization = true)]
public sealed class RecordingHandlerGroup
{
}

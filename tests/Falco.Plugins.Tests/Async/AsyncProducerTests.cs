using System;
using System.Threading;
using System.Threading.Tasks;
using Falco.Plugins.Async;

namespace Falco.Plugins.Tests.Async;

/// <summary>Starting and stopping the plugin's producer with the framework's handler.</summary>
[Collection(nameof(RecordingHandler))]
public sealed class AsyncProducerTests
{
    public AsyncProducerTests()
    {
        RecordingHandler.Reset();
    }

    [Fact]
    public unsafe void Setting_a_handler_starts_the_producer_and_clearing_it_waits_for_the_end()
    {
        var provider = new TickingProvider();
        var producer = new AsyncProducer("p", ["tick"]);

        Assert.Null(producer.SetHandler(provider, null, RecordingHandler.Pointer));
        Assert.True(provider.Started.Wait(TimeSpan.FromSeconds(10)));
        SpinWait.SpinUntil(() => RecordingHandler.Received.Count >= 10, TimeSpan.FromSeconds(10));
        Assert.Null(producer.SetHandler(provider, null, null));

        Assert.True(provider.Finished);
        int received = RecordingHandler.Received.Count;
        Thread.Sleep(30);
        Assert.Equal(received, RecordingHandler.Received.Count);
        Assert.Equal(provider.Accepted, received);
    }

    [Fact]
    public unsafe void A_failing_producer_is_reported_when_the_handler_is_cleared()
    {
        var producer = new AsyncProducer("p", ["tick"]);
        var failing = new FailingProvider();

        producer.SetHandler(failing, null, RecordingHandler.Pointer);
        Assert.True(failing.Ran.Wait(TimeSpan.FromSeconds(10)));
        string? problem = producer.SetHandler(failing, null, null);

        Assert.Equal("the async event producer failed: InvalidOperationException: producer broke", problem);
    }

    [Fact]
    public unsafe void A_failing_producer_is_reported_once_as_it_fails_when_a_reporter_is_given()
    {
        var reported = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var producer = new AsyncProducer("p", ["tick"], reported.Enqueue);
        var failing = new FailingProvider();

        producer.SetHandler(failing, null, RecordingHandler.Pointer);
        Assert.True(SpinWait.SpinUntil(() => !reported.IsEmpty, TimeSpan.FromSeconds(10)));
        string? problem = producer.SetHandler(failing, null, null);

        Assert.Equal(["the async event producer failed: InvalidOperationException: producer broke"], reported);
        Assert.Null(problem);
    }

    private sealed class TickingProvider : IAsyncEventProvider
    {
        private int _accepted;

        public ManualResetEventSlim Started { get; } = new();

        public bool Finished { get; private set; }

        public int Accepted => Volatile.Read(ref _accepted);

        public async Task RunAsync(AsyncEventEmitter events, CancellationToken cancellationToken)
        {
            Started.Set();
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    if (events.TryEmit("tick", "t"u8, out string? _))
                    {
                        Interlocked.Increment(ref _accepted);
                    }

                    await Task.Yield();
                }
            }
            finally
            {
                Finished = true;
            }
        }
    }

    private sealed class FailingProvider : IAsyncEventProvider
    {
        public ManualResetEventSlim Ran { get; } = new();

        public Task RunAsync(AsyncEventEmitter events, CancellationToken cancellationToken)
        {
            Ran.Set();
            throw new InvalidOperationException("producer broke");
        }
    }
}

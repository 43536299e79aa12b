using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Falco.Plugins.Tests.Probe;

/// <summary>Pull style: fills each batch with the next counter values.</summary>
public sealed class PullSource : IEventSourceInstance
{
    private readonly int _count;
    private readonly long _failAfter;
    private int _produced;

    internal PullSource(int count, long failAfter)
    {
        _count = count;
        _failAfter = failAfter;
    }

    /// <inheritdoc />
    public int BatchCapacity => 4;

    /// <inheritdoc />
    public BatchStatus NextBatch(EventBatch batch)
    {
        while (!batch.IsFull)
        {
            if (_failAfter >= 0 && _produced >= _failAfter)
            {
                throw new InvalidOperationException($"injected next_batch failure after {_produced} events");
            }

            if (_produced >= _count)
            {
                return BatchStatus.Eof;
            }

            batch.TryAddFormatted(++_produced);
        }

        return BatchStatus.Ok;
    }
}

/// <summary>Async style: an iterator that yields the counter values with pauses.</summary>
public sealed class IteratorSource : AsyncEventSource
{
    private readonly int _count;

    internal IteratorSource(int count)
        : base(new PushSourceOptions { MaxWait = TimeSpan.FromMilliseconds(5), BatchCapacity = 3 })
    {
        _count = count;
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<PluginEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 1; i <= _count; i++)
        {
            if (i % 4 == 0)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }

            yield return new PluginEvent(Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture)));
        }
    }
}

/// <summary>Channel style: a thread writes the counter values to the source's writer.</summary>
internal static class ChannelFeeder
{
    public static ChannelEventSource Start(int count)
    {
        var source = new ChannelEventSource(new PushSourceOptions { QueueCapacity = 2, MaxWait = TimeSpan.FromMilliseconds(5) });
        var thread = new Thread(() =>
        {
            try
            {
                for (int i = 1; i <= count; i++)
                {
                    byte[] payload = Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture));
                    while (!source.Writer.TryWrite(new PluginEvent(payload)))
                    {
                        if (source.Stopping.IsCancellationRequested)
                        {
                            return;
                        }

                        Thread.Sleep(1);
                    }
                }

                source.Writer.TryComplete();
            }
            catch (ObjectDisposedException)
            {
                // The capture was closed while writing.
            }
        })
        { IsBackground = true, Name = "probe-feeder" };
        thread.Start();
        return source;
    }
}

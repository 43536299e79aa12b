using System;
using Falco.Plugins.Source;

namespace Falco.Plugins.Tests.Source;

/// <summary>Capacity, misuse of the two-step API, and reuse after Reset.</summary>
public class EventBatchCapacityTests : IDisposable
{
    private readonly BatchBuffer _buffer = new(3, 7);

    [Fact]
    public void Adding_stops_at_capacity()
    {
        var batch = new EventBatch(_buffer);

        Assert.True(batch.TryAdd("1"u8));
        Assert.True(batch.TryAdd("2".AsSpan()));
        Assert.False(batch.IsFull);
        Assert.True(batch.TryAddFormatted(3));
        Assert.True(batch.IsFull);
        Assert.False(batch.TryAdd("4"u8));
        Assert.False(batch.TryAdd("4".AsSpan()));
        Assert.False(batch.TryAddFormatted(4));

        Assert.Equal(3, batch.Count);
        Assert.Equal(3, batch.Capacity);
    }

    [Fact]
    public void GetPayloadBuffer_on_a_full_batch_throws()
    {
        var batch = new EventBatch(_buffer);
        for (int i = 0; i < 3; i++)
        {
            batch.TryAdd("x"u8);
        }

        Assert.Throws<InvalidOperationException>(() => new EventBatch(_buffer).GetPayloadBuffer(1));
    }

    [Fact]
    public void Commit_without_a_reservation_throws()
    {
        Assert.Throws<InvalidOperationException>(() => new EventBatch(_buffer).Commit(0));
    }

    [Fact]
    public void Commit_of_more_than_reserved_throws()
    {
        new EventBatch(_buffer).GetPayloadBuffer(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => new EventBatch(_buffer).Commit(5));
        Assert.Equal(0, _buffer.Count);
    }

    [Fact]
    public void Negative_reservation_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventBatch(_buffer).GetPayloadBuffer(-1));
    }

    [Fact]
    public void Capacity_is_at_least_one()
    {
        using var buffer = new BatchBuffer(0, 1);

        Assert.Equal(1, buffer.Capacity);
    }

    [Fact]
    public void Reset_empties_the_batch_and_reuses_its_memory()
    {
        var batch = new EventBatch(_buffer);
        batch.TryAdd("first"u8);
        nint first = BatchReader.Address(_buffer, 0);

        _buffer.Reset();
        Assert.Equal(0, batch.Count);
        Assert.True(batch.TryAdd("again"u8, 2));

        Assert.Equal(first, BatchReader.Address(_buffer, 0));
        Assert.Equal(Falco.Plugins.Tests.Events.TestEvents.Plugin(7, "again"u8, ts: 2), BatchReader.Event(_buffer, 0));
    }

    [Fact]
    public void Reset_discards_a_pending_reservation()
    {
        new EventBatch(_buffer).GetPayloadBuffer(10);

        _buffer.Reset();

        Assert.Throws<InvalidOperationException>(() => new EventBatch(_buffer).Commit(1));
    }

    public void Dispose() => _buffer.Dispose();
}

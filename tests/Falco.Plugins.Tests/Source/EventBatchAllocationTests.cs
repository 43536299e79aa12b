using System;
using System.Runtime.CompilerServices;
using Falco.Plugins.Source;

namespace Falco.Plugins.Tests.Source;

/// <summary>Adding events allocates no managed memory once the arena has grown.</summary>
public class EventBatchAllocationTests
{
    private const int Events = 100_000;
    private const int BatchSize = 1000;

    [Fact]
    public void TryAddFormatted_allocates_nothing_in_steady_state()
    {
        using var buffer = new BatchBuffer(BatchSize, 999);
        AddMany(buffer, BatchSize * 2);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ulong checksum = AddMany(buffer, Events);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0ul, checksum);
    }

    [Fact]
    public void TryAdd_and_in_place_writes_allocate_nothing_in_steady_state()
    {
        using var buffer = new BatchBuffer(BatchSize, 999);
        AddManyInPlace(buffer, BatchSize * 2);

        long before = GC.GetAllocatedBytesForCurrentThread();
        AddManyInPlace(buffer, Events);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong AddMany(BatchBuffer buffer, int count)
    {
        ulong checksum = 0;
        for (int i = 0; i < count; i++)
        {
            if (i % BatchSize == 0)
            {
                buffer.Reset();
            }

            var batch = new EventBatch(buffer);
            batch.TryAddFormatted((ulong)i * 7919, (ulong)i);
            checksum += (ulong)batch.Count;
        }

        return checksum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddManyInPlace(BatchBuffer buffer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (i % BatchSize == 0)
            {
                buffer.Reset();
            }

            var batch = new EventBatch(buffer);
            if (i % 2 == 0)
            {
                batch.TryAdd("payload"u8, (ulong)i);
            }
            else
            {
                Span<byte> target = batch.GetPayloadBuffer(64);
                target[0] = (byte)i;
                batch.Commit(1);
            }
        }
    }
}

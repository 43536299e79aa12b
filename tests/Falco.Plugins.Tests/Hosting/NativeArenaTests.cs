using System;
using System.Collections.Generic;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Hosting;

/// <summary>The bump allocator behind extracted values and event batches.</summary>
public unsafe class NativeArenaTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    public void Allocations_are_8_byte_aligned(int size)
    {
        using var arena = new NativeArena(64);

        for (int i = 0; i < 50; i++)
        {
            byte* p = arena.Alloc((nuint)size);
            Assert.Equal(0ul, (ulong)p % 8);
        }
    }

    [Fact]
    public void Pointers_stay_valid_and_distinct_across_chunks()
    {
        using var arena = new NativeArena(64);
        nuint initial = arena.Capacity;
        var blocks = new List<(nint Pointer, int Size)>();
        for (int i = 0; i < 400; i++)
        {
            int size = 1 + (i * 37 % 300);
            byte* p = arena.Alloc((nuint)size);
            new Span<byte>(p, size).Fill((byte)i);
            blocks.Add(((nint)p, size));
        }

        Assert.True(arena.Capacity > initial * 8, $"the test should span several chunks; capacity {arena.Capacity}");
        for (int i = 0; i < blocks.Count; i++)
        {
            (nint pointer, int size) = blocks[i];
            Assert.True(new Span<byte>((void*)pointer, size).IndexOfAnyExcept((byte)i) < 0, $"block {i} was overwritten");
        }

        blocks.Sort((a, b) => a.Pointer.CompareTo(b.Pointer));
        for (int i = 1; i < blocks.Count; i++)
        {
            Assert.True(blocks[i - 1].Pointer + blocks[i - 1].Size <= blocks[i].Pointer, "two blocks overlap");
        }
    }

    [Fact]
    public void Reset_reuses_memory_without_growing_in_steady_state()
    {
        using var arena = new NativeArena(64);
        int[] sizes = [5, 200, 17, 1000, 64, 3, 4096, 128, 900, 33];
        var capacities = new List<nuint>();
        for (int round = 0; round < 1000; round++)
        {
            arena.Reset();
            foreach (int size in sizes)
            {
                new Span<byte>(arena.Alloc((nuint)size), size).Fill(0xAB);
            }

            capacities.Add(arena.Capacity);
        }

        Assert.Equal(capacities[9], capacities[^1]);
        Assert.All(capacities.GetRange(9, capacities.Count - 9), c => Assert.Equal(capacities[9], c));
    }

    [Fact]
    public void Reset_hands_out_the_first_chunk_again()
    {
        using var arena = new NativeArena(256);
        byte* first = arena.Alloc(16);
        arena.Alloc(100);

        arena.Reset();

        Assert.Equal((nint)first, (nint)arena.Alloc(16));
    }

    [Fact]
    public void Shrink_gives_back_the_tail()
    {
        using var arena = new NativeArena(1024);
        byte* a = arena.Alloc(100);

        arena.Shrink(a, 10);
        byte* b = arena.Alloc(8);

        Assert.Equal((nint)(a + 16), (nint)b);
    }

    [Fact]
    public void Shrink_of_an_older_allocation_changes_nothing()
    {
        using var arena = new NativeArena(1024);
        byte* a = arena.Alloc(100);
        byte* b = arena.Alloc(8);

        arena.Shrink(a, 10);
        byte* c = arena.Alloc(8);

        Assert.Equal((nint)(b + 8), (nint)c);
    }

    [Fact]
    public void Allocation_larger_than_any_chunk_gets_its_own()
    {
        using var arena = new NativeArena(64);

        byte* p = arena.Alloc(100_000);
        new Span<byte>(p, 100_000).Fill(1);

        Assert.True(arena.Capacity >= 100_000);
        Assert.Equal(0ul, (ulong)p % 8);
    }

    [Fact]
    public void AllocSpan_has_the_requested_length()
    {
        using var arena = new NativeArena(64);

        Span<byte> span = arena.AllocSpan(40);

        Assert.Equal(40, span.Length);
    }
}

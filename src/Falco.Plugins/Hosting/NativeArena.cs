using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Hosting;

/// <summary>
/// A bump allocator over native memory for what a plugin hands to the framework (extracted
/// values, event batches). Pointers stay valid until <see cref="Reset"/>, which the owner calls
/// at the start of the next call of the same API function: the lifetime the plugin API grants.
/// Chunks are kept across resets, so steady-state use allocates nothing.
/// </summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private const nuint Alignment = 8;

    private nint[] _chunks = new nint[4];
    private nuint[] _sizes = new nuint[4];
    private int _chunkCount;
    private int _current;
    private byte* _next;
    private byte* _end;
    private byte* _last;

    // The first chunk never moves (it is kept at index 0), so Reset needs no array access.
    private byte* _firstChunk;
    private byte* _firstEnd;

    public NativeArena(nuint initialSize)
    {
        AddChunk(initialSize < 64 ? 64 : initialSize);
        _firstChunk = (byte*)_chunks[0];
        _firstEnd = _firstChunk + _sizes[0];
        Reset();
    }

    /// <summary>The total native memory held, for tests and metrics.</summary>
    public nuint Capacity
    {
        get
        {
            nuint total = 0;
            for (int i = 0; i < _chunkCount; i++)
            {
                total += _sizes[i];
            }

            return total;
        }
    }

    /// <summary>Makes every chunk available again; earlier pointers become invalid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reset()
    {
        _current = 0;
        _last = null;
        _next = _firstChunk;
        _end = _firstEnd;
    }

    /// <summary>Allocates <paramref name="size"/> bytes aligned to 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* Alloc(nuint size)
    {
        byte* start = Align(_next);
        if (start + size <= _end && start >= _next)
        {
            _next = start + size;
            _last = start;
            return start;
        }

        return AllocSlow(size);
    }

    /// <summary>Allocates a span of <paramref name="length"/> bytes.</summary>
    public Span<byte> AllocSpan(int length) => new(Alloc((nuint)length), length);

    /// <summary>Gives back the unused tail of the most recent allocation, for writes whose final size was unknown.</summary>
    /// <remarks>Any other pointer is ignored: moving back over a later allocation would hand its bytes out twice.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Shrink(byte* allocation, nuint usedSize)
    {
        if (allocation == _last && allocation + usedSize <= _next)
        {
            _next = allocation + usedSize;
        }
    }

    private byte* AllocSlow(nuint size)
    {
        nuint needed = size + Alignment;
        for (int i = _current + 1; i < _chunkCount; i++)
        {
            if (_sizes[i] >= needed)
            {
                Use(i);
                return Alloc(size);
            }
        }

        nuint grown = _sizes[_chunkCount - 1] * 2;
        AddChunk(grown > needed ? grown : needed);
        Use(_chunkCount - 1);
        return Alloc(size);
    }

    private void Use(int index)
    {
        if (index != _current + 1)
        {
            // Move the chosen chunk right after the current one so the ones skipped stay usable later.
            (_chunks[index], _chunks[_current + 1]) = (_chunks[_current + 1], _chunks[index]);
            (_sizes[index], _sizes[_current + 1]) = (_sizes[_current + 1], _sizes[index]);
            index = _current + 1;
        }

        _current = index;
        _next = (byte*)_chunks[index];
        _end = _next + _sizes[index];
    }

    private void AddChunk(nuint size)
    {
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunkCount * 2);
            Array.Resize(ref _sizes, _chunkCount * 2);
        }

        _chunks[_chunkCount] = (nint)NativeMemory.Alloc(size);
        _sizes[_chunkCount] = size;
        _chunkCount++;
    }

    private static byte* Align(byte* p) => (byte*)(((nuint)p + (Alignment - 1)) & ~(Alignment - 1));

    public void Dispose()
    {
        for (int i = 0; i < _chunkCount; i++)
        {
            NativeMemory.Free((void*)_chunks[i]);
            _chunks[i] = 0;
        }

        _chunkCount = 0;
        _next = _end = null;
        GC.SuppressFinalize(this);
    }

    ~NativeArena()
    {
        for (int i = 0; i < _chunkCount; i++)
        {
            NativeMemory.Free((void*)_chunks[i]);
        }
    }
}

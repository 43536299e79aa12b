using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Extract;

/// <summary>
/// Per-plugin-state storage for extract_fields: the arena the results live in until the next
/// call, the value-offset arrays, scratch space for lists and a cache of key arguments, so
/// that steady-state extraction allocates nothing.
/// </summary>
internal sealed unsafe class ExtractSession : IDisposable
{
    private readonly NativeArena _arena = new(16 * 1024);
    private readonly KeyArgumentCache _keys = new();
    private uint* _offsetStarts;
    private uint* _offsetLengths;
    private uint _offsetCapacity;
    private ExtractValueOffsets* _offsetTarget;
    private uint _offsetFieldCount;
    private bool _offsetsAssigned;
    private ulong[] _u64Scratch = new ulong[16];
    private readonly List<string?> _stringScratch = new();

    public NativeArena Arena => _arena;

    public KeyArgumentCache Keys => _keys;

    public List<string?> StringScratch => _stringScratch;

    /// <summary>Grows the scratch array for list values to at least <paramref name="size"/> entries.</summary>
    public ulong[] U64Scratch(int size)
    {
        if (_u64Scratch.Length < size)
        {
            Array.Resize(ref _u64Scratch, Math.Max(size, _u64Scratch.Length * 2));
        }

        return _u64Scratch;
    }

    /// <summary>
    /// Starts a call that may report value offsets into <paramref name="target"/> (API 3.11).
    /// The arrays are handed over only once a field reports an offset, as the peer SDKs do;
    /// fields without one get start 0 and length 0, "no location in the event".
    /// </summary>
    public void BeginOffsets(ExtractValueOffsets* target, uint fieldCount)
    {
        _offsetTarget = target;
        _offsetFieldCount = fieldCount;
        _offsetsAssigned = false;
    }

    /// <summary>Records that field <paramref name="index"/> came from <paramref name="length"/> bytes at <paramref name="start"/> (from the event start).</summary>
    public void SetOffset(uint index, uint start, uint length)
    {
        if (_offsetTarget is null || index >= _offsetFieldCount)
        {
            return;
        }

        if (!_offsetsAssigned)
        {
            AssignOffsetArrays();
        }

        _offsetStarts[index] = start;
        _offsetLengths[index] = length;
    }

    private void AssignOffsetArrays()
    {
        uint count = _offsetFieldCount;
        if (count > _offsetCapacity)
        {
            uint capacity = Math.Max(count, Math.Max(8u, _offsetCapacity * 2));
            _offsetStarts = (uint*)NativeMemory.Realloc(_offsetStarts, capacity * sizeof(uint));
            _offsetLengths = (uint*)NativeMemory.Realloc(_offsetLengths, capacity * sizeof(uint));
            _offsetCapacity = capacity;
        }

        new Span<uint>(_offsetStarts, (int)count).Clear();
        new Span<uint>(_offsetLengths, (int)count).Clear();
        _offsetTarget->Start = _offsetStarts;
        _offsetTarget->Length = _offsetLengths;
        _offsetsAssigned = true;
    }

    public void Dispose()
    {
        _arena.Dispose();
        NativeMemory.Free(_offsetStarts);
        NativeMemory.Free(_offsetLengths);
        _offsetStarts = _offsetLengths = null;
        _offsetCapacity = 0;
        GC.SuppressFinalize(this);
    }

    ~ExtractSession()
    {
        NativeMemory.Free(_offsetStarts);
        NativeMemory.Free(_offsetLengths);
    }
}

/// <summary>
/// Turns the framework's <c>arg_key</c> C strings into managed strings once: the framework
/// passes the same key bytes for a given filter on every event, so a small cache keyed by
/// content makes key arguments free after the first event.
/// </summary>
internal sealed unsafe class KeyArgumentCache
{
    private const int Slots = 16;
    private readonly byte[]?[] _bytes = new byte[Slots][];
    private readonly string?[] _strings = new string[Slots];
    private int _next;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        for (int i = 0; i < Slots; i++)
        {
            byte[]? candidate = _bytes[i];
            if (candidate is not null && utf8.SequenceEqual(candidate))
            {
                return _strings[i]!;
            }
        }

        string value = Encoding.UTF8.GetString(utf8);
        int slot = _next;
        _next = (_next + 1) % Slots;
        _bytes[slot] = utf8.ToArray();
        _strings[slot] = value;
        return value;
    }
}

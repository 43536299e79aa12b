using System;
using System.Buffers;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>
/// The body of the request being read: a pooled array that grows up to a limit and goes back
/// to the pool after each request, so idle connections hold no body memory.
/// </summary>
internal sealed class BodyBuffer : IDisposable
{
    private byte[]? _array;

    /// <summary>Creates a buffer that holds at most <paramref name="limit"/> bytes.</summary>
    public BodyBuffer(int limit)
    {
        Limit = limit;
    }

    /// <summary>The most bytes the buffer holds.</summary>
    public int Limit { get; }

    /// <summary>The number of bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written.</summary>
    public Span<byte> Written => _array is null ? Span<byte>.Empty : _array.AsSpan(0, Length);

    /// <summary>Room for <paramref name="size"/> more bytes, to fill and then <see cref="Advance"/>.</summary>
    /// <returns>Empty when the limit would be exceeded.</returns>
    public Memory<byte> GetMemory(int size)
    {
        if (size > Limit - Length)
        {
            return Memory<byte>.Empty;
        }

        int needed = Length + size;
        if (_array is null || _array.Length < needed)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(Limit, Math.Max(needed, (_array?.Length ?? 2048) * 2)));
            Written.CopyTo(larger);
            Return();
            _array = larger;
        }

        return _array.AsMemory(Length, size);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into the last <see cref="GetMemory"/>.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Appends <paramref name="data"/>; <see langword="false"/> when the limit would be exceeded.</summary>
    public bool TryAppend(ReadOnlySpan<byte> data)
    {
        Memory<byte> target = GetMemory(data.Length);
        if (target.Length < data.Length)
        {
            return false;
        }

        data.CopyTo(target.Span);
        Advance(data.Length);
        return true;
    }

    /// <summary>Empties the buffer and gives its memory back to the pool.</summary>
    public void Reset()
    {
        Return();
        Length = 0;
    }

    /// <inheritdoc />
    public void Dispose() => Reset();

    private void Return()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }
    }
}

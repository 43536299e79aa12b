using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>What <see cref="HttpInput.ReadHeadAsync"/> found.</summary>
internal enum HeadStatus
{
    /// <summary>A complete head is buffered.</summary>
    Complete,

    /// <summary>The connection ended before a request started: a normal end of keep-alive.</summary>
    Closed,

    /// <summary>The connection ended in the middle of a head.</summary>
    Truncated,

    /// <summary>The head is longer than the buffer.</summary>
    TooLarge,
}

/// <summary>
/// The bytes a connection receives, through a buffer of fixed size: the largest request head
/// accepted. Bytes after a head (the start of the body, or of the next pipelined request) stay
/// buffered for the next read.
/// </summary>
internal sealed class HttpInput : IDisposable
{
    private readonly Stream _stream;
    private byte[]? _buffer;
    private int _start;
    private int _end;

    /// <summary>Reads from <paramref name="stream"/> with a buffer of <paramref name="capacity"/> bytes.</summary>
    public HttpInput(Stream stream, int capacity)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        Capacity = capacity;
    }

    /// <summary>The largest request head accepted.</summary>
    public int Capacity { get; }

    /// <summary>The bytes received and not consumed yet.</summary>
    public ReadOnlySpan<byte> Buffered => Buffer.AsSpan(_start, _end - _start);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(HttpInput));

    /// <summary>Marks <paramref name="count"/> buffered bytes as used.</summary>
    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>
    /// Waits until a whole request head is buffered; its length is then in <paramref name="length"/>.
    /// Empty lines before the request line are skipped, as RFC 9112 recommends.
    /// </summary>
    /// <param name="started">Called once, when the first byte of the request arrives.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<(HeadStatus Status, int Length)> ReadHeadAsync(Action started, CancellationToken cancellationToken)
    {
        bool notified = false;
        int searched = 0;
        while (true)
        {
            SkipLeadingEmptyLines(ref searched);
            if (!notified && _end > _start)
            {
                notified = true;
                started();
            }

            int found = Buffered.Slice(searched).IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                return (HeadStatus.Complete, searched + found + 4);
            }

            searched = Math.Max(0, _end - _start - 3);
            if (_end - _start >= Capacity)
            {
                return (HeadStatus.TooLarge, 0);
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return (_end > _start ? HeadStatus.Truncated : HeadStatus.Closed, 0);
            }
        }
    }

    /// <summary>Receives more bytes into the buffer; <see langword="false"/> at the end of the stream.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        byte[] buffer = Buffer;
        if (_end == Capacity && _start > 0)
        {
            Array.Copy(buffer, _start, buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == Capacity)
        {
            throw new InvalidOperationException("the input buffer is full");
        }

        int read = await _stream.ReadAsync(buffer.AsMemory(_end, Capacity - _end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    /// <summary>Reads up to <paramref name="target"/>'s length: buffered bytes first, then from the stream.</summary>
    /// <returns>The bytes read; 0 at the end of the stream.</returns>
    public async ValueTask<int> ReadAsync(Memory<byte> target, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            int count = Math.Min(target.Length, _end - _start);
            Buffered.Slice(0, count).CopyTo(target.Span);
            Consume(count);
            return count;
        }

        return await _stream.ReadAsync(target, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    private void SkipLeadingEmptyLines(ref int searched)
    {
        while (searched == 0 && Buffered.StartsWith("\r\n"u8))
        {
            Consume(2);
        }
    }
}

using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// Reads the blocks of a capture one after the other: header, body and trailer, with the
/// lengths checked. The body buffer grows only as bytes actually arrive, so a corrupted length
/// costs no more memory than the file holds, and every read advances, so nothing loops.
/// </summary>
internal sealed class BlockReader : IDisposable
{
    /// <summary>No block of a real capture comes near this; a larger length is corruption.</summary>
    private const uint MaxBlockLength = 1u << 30;

    /// <summary>How much of a long body is read at a time, before the buffer grows again.</summary>
    private const int ReadChunk = 1 << 20;

    private readonly Stream _input;
    private readonly byte[] _word = new byte[CaptureBlock.HeaderSize];
    private byte[] _body = new byte[64 * 1024];

    public BlockReader(Stream input) => _input = input;

    /// <summary>How many bytes of the decompressed capture were consumed: where the next block starts.</summary>
    public long Offset { get; private set; }

    /// <summary>Reads the next block; false at the end of the capture, which only a block boundary may be.</summary>
    /// <param name="block">The block read.</param>
    /// <param name="requiredType">A type the block must have, checked before its body is read (how a file that is no capture is told apart).</param>
    /// <exception cref="CaptureFileException">The block is truncated, its lengths are wrong, or the stream fails.</exception>
    public bool TryRead(out CaptureBlock block, uint? requiredType = null)
    {
        block = default;
        long start = Offset;
        int headerRead = Fill(_word.AsSpan(0, CaptureBlock.HeaderSize));
        if (headerRead == 0)
        {
            return false;
        }

        if (headerRead < CaptureBlock.HeaderSize)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"the capture ends inside a block header ({headerRead} of {CaptureBlock.HeaderSize} bytes)"),
                start);
        }

        uint type = BinaryPrimitives.ReadUInt32LittleEndian(_word);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(_word.AsSpan(4));
        if (requiredType is { } required && type != required)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"not a capture file: a block of type 0x{required:X} must come first, not 0x{type:X}"),
                start);
        }

        if (length < CaptureBlock.HeaderSize + CaptureBlock.TrailerSize)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"block of type 0x{type:X} has length {length}, shorter than its header and trailer"),
                start);
        }

        if (length > MaxBlockLength)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"block of type 0x{type:X} has length {length}, more than any capture block can have"),
                start);
        }

        int bodyLength = (int)length - CaptureBlock.HeaderSize - CaptureBlock.TrailerSize;
        ReadBody(bodyLength, type, length, start);

        int trailerRead = Fill(_word.AsSpan(0, CaptureBlock.TrailerSize));
        if (trailerRead < CaptureBlock.TrailerSize)
        {
            throw Truncated(type, length, start);
        }

        uint trailer = BinaryPrimitives.ReadUInt32LittleEndian(_word);
        if (trailer != length)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"block of type 0x{type:X} has length {length} in its header but {trailer} in its trailer"),
                start);
        }

        block = new CaptureBlock(type, start, _body.AsMemory(0, bodyLength));
        return true;
    }

    public void Dispose() => _input.Dispose();

    private void ReadBody(int bodyLength, uint type, uint length, long start)
    {
        int done = 0;
        while (done < bodyLength)
        {
            int chunk = Math.Min(bodyLength - done, Math.Max(ReadChunk, done));
            if (_body.Length < done + chunk)
            {
                Array.Resize(ref _body, Math.Max(done + chunk, Math.Min(bodyLength, _body.Length * 2)));
            }

            int read = Fill(_body.AsSpan(done, chunk));
            done += read;
            if (read < chunk)
            {
                throw Truncated(type, length, start);
            }
        }
    }

    private static CaptureFileException Truncated(uint type, uint length, long start) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the capture ends inside a block of type 0x{type:X} and length {length}"), start);

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns how many bytes came.</summary>
    private int Fill(Span<byte> buffer)
    {
        int total = 0;
        try
        {
            while (total < buffer.Length)
            {
                int read = _input.Read(buffer[total..]);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new CaptureFileException("the capture cannot be read: " + e.Message, Offset + total, e);
        }

        Offset += total;
        return total;
    }
}

using System;
using System.Buffers.Binary;
using System.Text;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// Little-endian reads over part of a block with every bound checked: reading past the end
/// throws a <see cref="CaptureFileException"/> that names what was being read and where.
/// </summary>
internal ref struct BlockCursor
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly long _baseOffset;
    private readonly string _what;

    /// <param name="bytes">The bytes to read.</param>
    /// <param name="baseOffset">Where <paramref name="bytes"/> start in the decompressed capture, for messages.</param>
    /// <param name="what">What the bytes hold, for messages (e.g. "process list entry").</param>
    public BlockCursor(ReadOnlySpan<byte> bytes, long baseOffset, string what)
    {
        _bytes = bytes;
        _baseOffset = baseOffset;
        _what = what;
        Position = 0;
    }

    /// <summary>How many bytes were read (or skipped) so far.</summary>
    public int Position { get; private set; }

    /// <summary>How many bytes are left.</summary>
    public readonly int Remaining => _bytes.Length - Position;

    /// <summary>Where the next byte is in the decompressed capture.</summary>
    public readonly long Offset => _baseOffset + Position;

    /// <summary>Whether <paramref name="count"/> more bytes can be read.</summary>
    public readonly bool Fits(int count) => count <= Remaining;

    public byte U8() => Take(1)[0];

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>The next <paramref name="count"/> bytes.</summary>
    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    /// <summary>A string stored as a u16 length and that many bytes (no terminator on disk), as C code reads it: up to the first NUL.</summary>
    public string String16() => CString(Take(U16()));

    /// <summary>A byte string stored as a u16 length and that many bytes, kept whole (NUL separators included).</summary>
    public ReadOnlySpan<byte> Bytes16() => Take(U16());

    /// <summary>Skips <paramref name="count"/> bytes.</summary>
    public void Skip(int count) => Take(count);

    /// <summary>A cursor over the next <paramref name="count"/> bytes, which this one skips.</summary>
    public BlockCursor Slice(int count, string what)
    {
        long offset = Offset;
        return new BlockCursor(Take(count), offset, what);
    }

    /// <summary>The error for a malformed value at the current position.</summary>
    public readonly CaptureFileException Error(string reason) => new($"{_what}: {reason}", Offset);

    /// <summary>The bytes up to the first NUL, decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public static string CString(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new CaptureFileException(
                $"{_what} needs {count} more bytes but only {Remaining} are left in it",
                Offset);
        }

        ReadOnlySpan<byte> taken = _bytes.Slice(Position, count);
        Position += count;
        return taken;
    }
}

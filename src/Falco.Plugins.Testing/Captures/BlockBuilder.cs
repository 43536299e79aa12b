using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Falco.Plugins.Testing.Captures;

/// <summary>The body of a block being written, little-endian, the counterpart of <see cref="BlockCursor"/>.</summary>
internal sealed class BlockBuilder
{
    private readonly ArrayBufferWriter<byte> _bytes = new();

    public int Length => _bytes.WrittenCount;

    public ReadOnlySpan<byte> Written => _bytes.WrittenSpan;

    public void U8(byte value) => _bytes.Write([value]);

    public void U16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

    public void U32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    public void U64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    public void I64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    public void Bytes(ReadOnlySpan<byte> value) => _bytes.Write(value);

    /// <summary>A u16 length and the UTF-8 bytes of <paramref name="value"/>, without terminator, as libscap stores strings.</summary>
    public void String16(string value) => Bytes16(Encoding.UTF8.GetBytes(value));

    /// <summary>A u16 length and <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value is longer than a u16 length can say.</exception>
    public void Bytes16(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"a capture stores at most {ushort.MaxValue} bytes in a string, not {value.Length}", nameof(value));
        }

        U16((ushort)value.Length);
        Bytes(value);
    }

    /// <summary>An entry that starts with its length, a u32 that counts itself too (as process, fd and user list entries do).</summary>
    public void SizedEntry(BlockBuilder entry)
    {
        U32((uint)(sizeof(uint) + entry.Length));
        Bytes(entry.Written);
    }

    private Span<byte> Take(int count)
    {
        Span<byte> span = _bytes.GetSpan(count)[..count];
        _bytes.Advance(count);
        return span;
    }
}

using System;
using System.Buffers.Binary;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// Writes an event exactly as libscap encodes it: the 26-byte header (ts, tid, len, type,
/// nparams), the table of parameter lengths (2 bytes each, 4 for
/// <see cref="EventFlags.LargePayload"/> codes), then the values, little-endian. Write the
/// parameters in table order, then call <see cref="TryComplete"/>. A writer over an empty
/// destination in measuring mode only adds up the size. The typed views' <c>Encode</c> and
/// <c>TryWrite</c> use it; it allocates nothing.
/// </summary>
public ref struct EventWriter
{
    private readonly Span<byte> _destination;
    private readonly int _paramCount;
    private readonly int _lengthSize;
    private readonly bool _measuring;
    private int _index;
    private long _offset;
    private bool _failed;

    /// <summary>Starts an event of <paramref name="code"/> in <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the event goes.</param>
    /// <param name="code">The event code.</param>
    /// <param name="paramCount">How many parameters will be written.</param>
    /// <param name="lengthSize">2, or 4 for <see cref="EventFlags.LargePayload"/> codes.</param>
    /// <param name="timestamp">The timestamp in nanoseconds since the epoch.</param>
    /// <param name="threadId">The thread id.</param>
    public EventWriter(Span<byte> destination, ushort code, int paramCount, int lengthSize, ulong timestamp, ulong threadId)
        : this(destination, code, paramCount, lengthSize, timestamp, threadId, measuring: false)
    {
    }

    private EventWriter(Span<byte> destination, ushort code, int paramCount, int lengthSize, ulong timestamp, ulong threadId, bool measuring)
    {
        if (lengthSize is not (2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(lengthSize), lengthSize, "Parameter lengths take 2 or 4 bytes.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(paramCount);
        _destination = destination;
        _paramCount = paramCount;
        _lengthSize = lengthSize;
        _measuring = measuring;
        _index = 0;
        _offset = EventLayout.HeaderSize + ((long)paramCount * lengthSize);
        _failed = false;
        if (!measuring)
        {
            if (destination.Length < _offset)
            {
                _failed = true;
                return;
            }

            BinaryPrimitives.WriteUInt64LittleEndian(destination, timestamp);
            BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(8), threadId);
            BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(20), code);
            BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(22), (uint)paramCount);
        }
    }

    /// <summary>A writer that only adds up the size of the event; read it from <see cref="Length"/>.</summary>
    public static EventWriter Measuring(ushort code, int paramCount, int lengthSize) =>
        new(default, code, paramCount, lengthSize, 0, 0, measuring: true);

    /// <summary>The size of the event so far (all of it once every parameter is written).</summary>
    public readonly long Length => _offset;

    /// <summary>Whether a write failed: the destination is too small, a value is too long for its length entry, or there were too many parameters.</summary>
    public readonly bool Failed => _failed;

    /// <summary>Writes a 1-byte parameter.</summary>
    public void WriteUInt8(byte value)
    {
        Span<byte> target = Reserve(1);
        if (!target.IsEmpty)
        {
            target[0] = value;
        }
    }

    /// <summary>Writes a 1-byte signed parameter.</summary>
    public void WriteInt8(sbyte value) => WriteUInt8((byte)value);

    /// <summary>Writes a 2-byte parameter.</summary>
    public void WriteUInt16(ushort value)
    {
        Span<byte> target = Reserve(2);
        if (!target.IsEmpty)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(target, value);
        }
    }

    /// <summary>Writes a 2-byte signed parameter.</summary>
    public void WriteInt16(short value) => WriteUInt16((ushort)value);

    /// <summary>Writes a 4-byte parameter.</summary>
    public void WriteUInt32(uint value)
    {
        Span<byte> target = Reserve(4);
        if (!target.IsEmpty)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(target, value);
        }
    }

    /// <summary>Writes a 4-byte signed parameter.</summary>
    public void WriteInt32(int value) => WriteUInt32((uint)value);

    /// <summary>Writes an 8-byte parameter.</summary>
    public void WriteUInt64(ulong value)
    {
        Span<byte> target = Reserve(8);
        if (!target.IsEmpty)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(target, value);
        }
    }

    /// <summary>Writes an 8-byte signed parameter.</summary>
    public void WriteInt64(long value) => WriteUInt64((ulong)value);

    /// <summary>Writes an 8-byte floating-point parameter.</summary>
    public void WriteDouble(double value) => WriteUInt64(BitConverter.DoubleToUInt64Bits(value));

    /// <summary>Writes a boolean as 4 bytes (0 or 1).</summary>
    public void WriteBool(bool value) => WriteUInt32(value ? 1u : 0u);

    /// <summary>Writes a duration.</summary>
    public void WriteRelativeTime(RelativeTime value) => WriteUInt64(value.Nanoseconds);

    /// <summary>Writes a time since the epoch.</summary>
    public void WriteAbsoluteTime(AbsoluteTime value) => WriteUInt64(value.Nanoseconds);

    /// <summary>Writes a set of signals.</summary>
    public void WriteSignalSet(SignalSet value) => WriteUInt32(value.Mask);

    /// <summary>Writes a string followed by its NUL, as libscap writes <c>PT_CHARBUF</c> and paths.</summary>
    public void WriteString(scoped ReadOnlySpan<byte> utf8)
    {
        Span<byte> target = Reserve((long)utf8.Length + 1);
        if (!target.IsEmpty)
        {
            utf8.CopyTo(target);
            target[utf8.Length] = 0;
        }
    }

    /// <summary>Writes raw bytes; an empty run makes a zero-length parameter, which reads as absent.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        Span<byte> target = Reserve(bytes.Length);
        if (!target.IsEmpty)
        {
            bytes.CopyTo(target);
        }
    }

    /// <summary>Writes NUL-terminated strings as they are laid out.</summary>
    public void WriteCharBufArray(scoped CharBufArray value) => WriteBytes(value.Encoded);

    /// <summary>Writes pairs of NUL-terminated strings as they are laid out.</summary>
    public void WriteCharBufPairArray(scoped CharBufPairArray value) => WriteBytes(value.Encoded);

    /// <summary>Writes a socket address.</summary>
    public void WriteSockAddr(scoped SockAddr value)
    {
        Span<byte> target = Reserve(value.EncodedLength);
        if (!target.IsEmpty)
        {
            value.WriteTo(target);
        }
    }

    /// <summary>Writes a socket tuple.</summary>
    public void WriteSockTuple(scoped SockTuple value)
    {
        Span<byte> target = Reserve(value.EncodedLength);
        if (!target.IsEmpty)
        {
            value.WriteTo(target);
        }
    }

    /// <summary>Writes a list of file descriptors.</summary>
    public void WriteFdList(scoped FdList value)
    {
        Span<byte> target = Reserve(value.EncodedLength);
        if (!target.IsEmpty)
        {
            value.WriteTo(target);
        }
    }

    /// <summary>Writes a dynamic value: its index byte and its bytes.</summary>
    public void WriteDynamic(scoped DynamicValue value)
    {
        Span<byte> target = Reserve(value.EncodedLength);
        if (!target.IsEmpty)
        {
            value.WriteTo(target);
        }
    }

    /// <summary>Writes an IPv4 address.</summary>
    public void WriteIPv4Address(IPv4Address value)
    {
        Span<byte> target = Reserve(IPv4Address.Size);
        if (!target.IsEmpty)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>Writes an IPv6 address.</summary>
    public void WriteIPv6Address(IPv6Address value)
    {
        Span<byte> target = Reserve(IPv6Address.Size);
        if (!target.IsEmpty)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>Writes an IPv4 (4 bytes) or IPv6 (16 bytes) address.</summary>
    public void WriteIPAddress(IPAddressValue value)
    {
        Span<byte> target = Reserve(value.Size);
        if (!target.IsEmpty)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>Writes an IPv4 network.</summary>
    public void WriteIPv4Network(IPv4Network value)
    {
        Span<byte> target = Reserve(IPv4Network.Size);
        if (!target.IsEmpty)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>Writes an IPv6 network.</summary>
    public void WriteIPv6Network(IPv6Network value)
    {
        Span<byte> target = Reserve(IPv6Network.Size);
        if (!target.IsEmpty)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>Writes an IPv4 (8 bytes) or IPv6 (32 bytes) network.</summary>
    public void WriteIPNetwork(IPNetworkValue value)
    {
        Span<byte> target = Reserve(value.Size);
        if (!target.IsEmpty)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>
    /// Finishes the event: writes <c>len</c> into the header.
    /// </summary>
    /// <param name="written">The size of the event; 0 on failure.</param>
    /// <returns><see langword="false"/> when a write failed or fewer parameters were written than announced.</returns>
    public bool TryComplete(out int written)
    {
        if (_failed || _index != _paramCount || _offset > int.MaxValue)
        {
            written = 0;
            return false;
        }

        written = (int)_offset;
        if (!_measuring)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_destination.Slice(16), (uint)_offset);
        }

        return true;
    }

    /// <summary>
    /// Records the next parameter's length and returns where its value goes: empty when
    /// measuring, after a failure, or for a zero-length value.
    /// </summary>
    private Span<byte> Reserve(long length)
    {
        int index = _index++;
        long maxLength = _lengthSize == 2 ? ushort.MaxValue : uint.MaxValue;
        if (_failed || index >= _paramCount || length > maxLength)
        {
            _failed = true;
            return default;
        }

        long offset = _offset;
        _offset += length;
        if (_measuring)
        {
            return default;
        }

        if (_offset > _destination.Length)
        {
            _failed = true;
            return default;
        }

        Span<byte> entry = _destination.Slice(EventLayout.HeaderSize + (index * _lengthSize));
        if (_lengthSize == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)length);
        }

        return _destination.Slice((int)offset, (int)length);
    }
}

using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace Falco.Plugins.Syscalls;

/// <summary>An IPv4 address as events carry it: 4 bytes in network byte order (<c>PT_IPV4ADDR</c>).</summary>
public readonly struct IPv4Address : IEquatable<IPv4Address>
{
    /// <summary>The size of an address in an event.</summary>
    public const int Size = 4;

    // The 4 bytes as they are in memory, read as a little-endian number: the first octet is the low byte.
    private readonly uint _memoryOrder;

    private IPv4Address(uint memoryOrder)
    {
        _memoryOrder = memoryOrder;
    }

    /// <summary>The address <c>a.b.c.d</c>.</summary>
    public IPv4Address(byte a, byte b, byte c, byte d)
    {
        _memoryOrder = a | ((uint)b << 8) | ((uint)c << 16) | ((uint)d << 24);
    }

    /// <summary>The address whose 4 bytes in network order are <paramref name="bytes"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 4 bytes long.</exception>
    public IPv4Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException("An IPv4 address is 4 bytes long.", nameof(bytes));
        }

        _memoryOrder = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    /// <summary>The address as a number in host order, e.g. <c>0x7F000001</c> for 127.0.0.1.</summary>
    public uint Value => BinaryPrimitives.ReverseEndianness(_memoryOrder);

    /// <summary>The address of the number <paramref name="value"/> in host order, e.g. <c>0x7F000001</c> for 127.0.0.1.</summary>
    public static IPv4Address FromValue(uint value) => new(BinaryPrimitives.ReverseEndianness(value));

    /// <summary>Writes the 4 bytes in network order.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 4 bytes.</exception>
    public void CopyTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32LittleEndian(destination, _memoryOrder);

    /// <summary>The address as a <see cref="IPAddress"/> (allocates).</summary>
    public IPAddress ToIPAddress() => new(_memoryOrder);

    /// <summary>Writes the dotted-decimal form, e.g. <c>127.0.0.1</c>, without allocating.</summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        for (int i = 0; i < Size; i++)
        {
            if (i > 0)
            {
                if (charsWritten >= destination.Length)
                {
                    charsWritten = 0;
                    return false;
                }

                destination[charsWritten++] = '.';
            }

            byte octet = (byte)(_memoryOrder >> (8 * i));
            if (!octet.TryFormat(destination.Slice(charsWritten), out int written, default, CultureInfo.InvariantCulture))
            {
                charsWritten = 0;
                return false;
            }

            charsWritten += written;
        }

        return true;
    }

    /// <summary>Reads an address from its 4 bytes in an event.</summary>
    internal static IPv4Address Read(ReadOnlySpan<byte> bytes) => new(BinaryPrimitives.ReadUInt32LittleEndian(bytes));

    /// <summary>The dotted-decimal form, e.g. <c>127.0.0.1</c>.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[15];
        TryFormat(text, out int written);
        return new string(text.Slice(0, written));
    }

    /// <inheritdoc />
    public bool Equals(IPv4Address other) => _memoryOrder == other._memoryOrder;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPv4Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)_memoryOrder;

    /// <summary>Whether two addresses are equal.</summary>
    public static bool operator ==(IPv4Address left, IPv4Address right) => left.Equals(right);

    /// <summary>Whether two addresses differ.</summary>
    public static bool operator !=(IPv4Address left, IPv4Address right) => !left.Equals(right);
}

using System;
using System.Buffers.Binary;
using System.Net;
using Falco.Plugins.Syscalls.Rendering;

namespace Falco.Plugins.Syscalls;

/// <summary>An IPv6 address as events carry it: 16 bytes in network byte order (<c>PT_IPV6ADDR</c>).</summary>
public readonly struct IPv6Address : IEquatable<IPv6Address>
{
    /// <summary>The size of an address in an event.</summary>
    public const int Size = 16;

    // The first and last 8 bytes as they are in memory, read as little-endian numbers.
    private readonly ulong _low;
    private readonly ulong _high;

    private IPv6Address(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>The address whose 16 bytes in network order are <paramref name="bytes"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 16 bytes long.</exception>
    public IPv6Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException("An IPv6 address is 16 bytes long.", nameof(bytes));
        }

        _low = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _high = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(8));
    }

    /// <summary>The address of <paramref name="address"/>, which must be an IPv6 address.</summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not an IPv6 address.</exception>
    public static IPv6Address FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[Size];
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || !address.TryWriteBytes(bytes, out _))
        {
            throw new ArgumentException("Not an IPv6 address.", nameof(address));
        }

        return new IPv6Address(bytes);
    }

    /// <summary>Writes the 16 bytes in network order.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 16 bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(8, 8), _high);
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _low);
    }

    /// <summary>The address as a <see cref="IPAddress"/> (allocates).</summary>
    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return new IPAddress(bytes);
    }

    /// <summary>
    /// Writes the text form as <c>inet_ntop</c> writes it, e.g. <c>2001:db8::1</c> or
    /// <c>::ffff:10.0.0.1</c>, without allocating.
    /// </summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        var text = new TextBuffer(destination);
        Inet6Text.Append(ref text, bytes);
        charsWritten = text.Overflowed ? 0 : text.Length;
        return !text.Overflowed;
    }

    /// <summary>Reads an address from its 16 bytes in an event.</summary>
    internal static IPv6Address Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(8)));

    /// <summary>The text form, e.g. <c>2001:db8::1</c>.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[Inet6Text.MaxLength];
        TryFormat(text, out int written);
        return new string(text.Slice(0, written));
    }

    /// <inheritdoc />
    public bool Equals(IPv6Address other) => _low == other._low && _high == other._high;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPv6Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_low, _high);

    /// <summary>Whether two addresses are equal.</summary>
    public static bool operator ==(IPv6Address left, IPv6Address right) => left.Equals(right);

    /// <summary>Whether two addresses differ.</summary>
    public static bool operator !=(IPv6Address left, IPv6Address right) => !left.Equals(right);
}

using System;
using System.Net;

namespace Falco.Plugins.Syscalls;

/// <summary>An IPv4 or an IPv6 address (<c>PT_IPADDR</c>, and the addresses of socket endpoints).</summary>
public readonly struct IPAddressValue : IEquatable<IPAddressValue>
{
    private readonly IPv4Address _v4;
    private readonly IPv6Address _v6;

    /// <summary>An IPv4 address.</summary>
    public IPAddressValue(IPv4Address address)
    {
        _v4 = address;
        _v6 = default;
        IsIPv6 = false;
    }

    /// <summary>An IPv6 address.</summary>
    public IPAddressValue(IPv6Address address)
    {
        _v4 = default;
        _v6 = address;
        IsIPv6 = true;
    }

    /// <summary>Whether this is an IPv6 address (otherwise IPv4).</summary>
    public bool IsIPv6 { get; }

    /// <summary>The IPv4 address; default when <see cref="IsIPv6"/>.</summary>
    public IPv4Address IPv4 => _v4;

    /// <summary>The IPv6 address; default when not <see cref="IsIPv6"/>.</summary>
    public IPv6Address IPv6 => _v6;

    /// <summary>The size of the address in an event: 4 or 16.</summary>
    public int Size => IsIPv6 ? IPv6Address.Size : IPv4Address.Size;

    /// <summary>Converts an IPv4 address.</summary>
    public static implicit operator IPAddressValue(IPv4Address address) => new(address);

    /// <summary>Converts an IPv6 address.</summary>
    public static implicit operator IPAddressValue(IPv6Address address) => new(address);

    /// <summary>Writes the 4 or 16 bytes in network order.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (IsIPv6)
        {
            _v6.CopyTo(destination);
        }
        else
        {
            _v4.CopyTo(destination);
        }
    }

    /// <summary>The address as a <see cref="IPAddress"/> (allocates).</summary>
    public IPAddress ToIPAddress() => IsIPv6 ? _v6.ToIPAddress() : _v4.ToIPAddress();

    /// <inheritdoc />
    public override string ToString() => IsIPv6 ? _v6.ToString() : _v4.ToString();

    /// <inheritdoc />
    public bool Equals(IPAddressValue other) => IsIPv6 == other.IsIPv6 && _v4 == other._v4 && _v6 == other._v6;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPAddressValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsIPv6 ? _v6.GetHashCode() : _v4.GetHashCode();

    /// <summary>Whether two addresses are equal.</summary>
    public static bool operator ==(IPAddressValue left, IPAddressValue right) => left.Equals(right);

    /// <summary>Whether two addresses differ.</summary>
    public static bool operator !=(IPAddressValue left, IPAddressValue right) => !left.Equals(right);
}

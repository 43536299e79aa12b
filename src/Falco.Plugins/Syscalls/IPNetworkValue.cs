using System;

namespace Falco.Plugins.Syscalls;

/// <summary>An IPv4 or an IPv6 network (<c>PT_IPNET</c>), told apart by its length in the event (8 or 32 bytes).</summary>
public readonly struct IPNetworkValue : IEquatable<IPNetworkValue>
{
    private readonly IPv4Network _v4;
    private readonly IPv6Network _v6;

    /// <summary>An IPv4 network.</summary>
    public IPNetworkValue(IPv4Network network)
    {
        _v4 = network;
        _v6 = default;
        IsIPv6 = false;
    }

    /// <summary>An IPv6 network.</summary>
    public IPNetworkValue(IPv6Network network)
    {
        _v4 = default;
        _v6 = network;
        IsIPv6 = true;
    }

    /// <summary>Whether this is an IPv6 network (otherwise IPv4).</summary>
    public bool IsIPv6 { get; }

    /// <summary>The IPv4 network; default when <see cref="IsIPv6"/>.</summary>
    public IPv4Network IPv4 => _v4;

    /// <summary>The IPv6 network; default when not <see cref="IsIPv6"/>.</summary>
    public IPv6Network IPv6 => _v6;

    /// <summary>The size of the network in an event: 8 or 32.</summary>
    public int Size => IsIPv6 ? IPv6Network.Size : IPv4Network.Size;

    /// <summary>Writes the 8 or 32 bytes.</summary>
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

    /// <inheritdoc />
    public override string ToString() => IsIPv6 ? _v6.ToString() : _v4.ToString();

    /// <inheritdoc />
    public bool Equals(IPNetworkValue other) => IsIPv6 == other.IsIPv6 && _v4 == other._v4 && _v6 == other._v6;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPNetworkValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsIPv6 ? _v6.GetHashCode() : _v4.GetHashCode();

    /// <summary>Whether two networks are equal.</summary>
    public static bool operator ==(IPNetworkValue left, IPNetworkValue right) => left.Equals(right);

    /// <summary>Whether two networks differ.</summary>
    public static bool operator !=(IPNetworkValue left, IPNetworkValue right) => !left.Equals(right);
}

using System;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// An IPv6 network (<c>PT_IPV6NET</c>): the address, then the netmask, 16 bytes each in network
/// order. No event of the table carries one; filter fields do.
/// </summary>
/// <param name="Address">The network address.</param>
/// <param name="Netmask">The netmask.</param>
public readonly record struct IPv6Network(IPv6Address Address, IPv6Address Netmask)
{
    /// <summary>The size of a network in an event.</summary>
    public const int Size = 2 * IPv6Address.Size;

    /// <summary>Writes the 32 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        Address.CopyTo(destination);
        Netmask.CopyTo(destination.Slice(IPv6Address.Size));
    }

    internal static IPv6Network Read(ReadOnlySpan<byte> bytes) =>
        new(IPv6Address.Read(bytes), IPv6Address.Read(bytes.Slice(IPv6Address.Size)));

    /// <inheritdoc />
    public override string ToString() => $"{Address}/{Netmask}";
}

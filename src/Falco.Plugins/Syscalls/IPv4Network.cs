using System;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// An IPv4 network (<c>PT_IPV4NET</c>): the address, then the netmask, 4 bytes each in network
/// order (libsinsp's <c>ipv4net</c>). No event of the table carries one; filter fields do.
/// </summary>
/// <param name="Address">The network address.</param>
/// <param name="Netmask">The netmask, e.g. 255.255.255.0.</param>
public readonly record struct IPv4Network(IPv4Address Address, IPv4Address Netmask)
{
    /// <summary>The size of a network in an event.</summary>
    public const int Size = 2 * IPv4Address.Size;

    /// <summary>Writes the 8 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        Address.CopyTo(destination);
        Netmask.CopyTo(destination.Slice(IPv4Address.Size));
    }

    internal static IPv4Network Read(ReadOnlySpan<byte> bytes) =>
        new(IPv4Address.Read(bytes), IPv4Address.Read(bytes.Slice(IPv4Address.Size)));

    /// <inheritdoc />
    public override string ToString() => $"{Address}/{Netmask}";
}

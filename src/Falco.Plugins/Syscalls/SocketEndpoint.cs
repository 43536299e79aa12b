namespace Falco.Plugins.Syscalls;

/// <summary>An IP address and a port: one end of an IPv4 or IPv6 socket.</summary>
/// <param name="Address">The IPv4 or IPv6 address.</param>
/// <param name="Port">The port in host byte order (events store it little-endian).</param>
public readonly record struct SocketEndpoint(IPAddressValue Address, ushort Port)
{
    /// <summary>The family of the address: <see cref="SocketFamily.Inet"/> or <see cref="SocketFamily.Inet6"/>.</summary>
    public SocketFamily Family => Address.IsIPv6 ? SocketFamily.Inet6 : SocketFamily.Inet;

    /// <summary>The size of the endpoint in an event: the address and a 2-byte port.</summary>
    internal int Size => Address.Size + 2;

    /// <summary>The form <c>1.2.3.4:80</c>, or <c>[2001:db8::1]:80</c> for IPv6.</summary>
    public override string ToString() => Address.IsIPv6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}

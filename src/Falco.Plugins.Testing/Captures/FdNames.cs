using System.Globalization;
using System.Net;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The names libsinsp gives file descriptors it learns from a capture's fd list: files keep
/// their path, IP sockets are named after their addresses (no name resolution), and an IPv6
/// tuple of IPv4-mapped addresses is named as the IPv4 tuple it is.
/// </summary>
internal static class FdNames
{
    public static string Of(CaptureFd fd)
    {
        bool mapped = IsMappedIpv4(fd);
        return fd.Type switch
        {
            FdType.Ipv4Socket or FdType.Ipv6Socket when fd.SourceAddress is { } source && fd.DestinationAddress is { } destination =>
                $"{Endpoint(source, fd.SourcePort, mapped)}->{Endpoint(destination, fd.DestinationPort, mapped)}",
            FdType.Ipv4ServerSocket or FdType.Ipv6ServerSocket when fd.SourceAddress is { } local => Endpoint(local, fd.SourcePort, mapped: false),
            _ => fd.Name,
        };
    }

    /// <summary>Whether both ends of an IPv6 socket are IPv4-mapped, which libsinsp turns into an IPv4 socket.</summary>
    public static bool IsMappedIpv4(CaptureFd fd) =>
        fd.Type == FdType.Ipv6Socket
        && fd.SourceAddress is { IsIPv4MappedToIPv6: true }
        && fd.DestinationAddress is { IsIPv4MappedToIPv6: true };

    private static string Endpoint(IPAddress address, ushort port, bool mapped) =>
        string.Create(CultureInfo.InvariantCulture, $"{(mapped ? address.MapToIPv4() : address)}:{port}");
}

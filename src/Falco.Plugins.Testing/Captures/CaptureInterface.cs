using System.Net;

namespace Falco.Plugins.Testing;

/// <summary>A network interface address of a capture's interface list (libscap's <c>scap_ifinfo_ipv4</c>/<c>ipv6</c>).</summary>
/// <param name="Name">The interface name, e.g. <c>eth0</c>.</param>
/// <param name="Address">The address.</param>
/// <param name="Netmask">The netmask.</param>
/// <param name="Broadcast">The broadcast address.</param>
/// <param name="LinkSpeed">The link speed (0 in captures that do not record it).</param>
public sealed record CaptureInterface(string Name, IPAddress Address, IPAddress Netmask, IPAddress Broadcast, ulong LinkSpeed);

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// The address and network types, which libsinsp's event rendering leaves out (they are filter
/// field types; only a few newer events carry addresses): addresses in their text form,
/// networks as <c>address/netmask</c>.
/// </summary>
internal static class NetworkText
{
    public static bool TryAppend(ref TextBuffer text, SyscallParameter p, ParamType type)
    {
        switch (type)
        {
            case ParamType.IPv4Addr when p.TryGetIPv4Address(out IPv4Address v4):
                IPText.Append(ref text, v4);
                return true;
            case ParamType.IPv6Addr when p.TryGetIPv6Address(out IPv6Address v6):
                IPText.Append(ref text, v6);
                return true;
            case ParamType.IPAddr when p.TryGetIPAddress(out IPAddressValue address):
                IPText.Append(ref text, address);
                return true;
            case ParamType.IPv4Net when p.TryGetIPv4Network(out IPv4Network net4):
                AppendNetwork(ref text, net4.Address, net4.Netmask);
                return true;
            case ParamType.IPv6Net when p.TryGetIPv6Network(out IPv6Network net6):
                AppendNetwork(ref text, net6.Address, net6.Netmask);
                return true;
            case ParamType.IPNet when p.TryGetIPNetwork(out IPNetworkValue network):
                if (network.IsIPv6)
                {
                    AppendNetwork(ref text, network.IPv6.Address, network.IPv6.Netmask);
                }
                else
                {
                    AppendNetwork(ref text, network.IPv4.Address, network.IPv4.Netmask);
                }

                return true;
            default:
                return false;
        }
    }

    private static void AppendNetwork(ref TextBuffer text, IPAddressValue address, IPAddressValue netmask)
    {
        IPText.Append(ref text, address);
        text.Append('/');
        IPText.Append(ref text, netmask);
    }
}

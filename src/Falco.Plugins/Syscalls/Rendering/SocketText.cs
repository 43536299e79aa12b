namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// Socket addresses and tuples as libsinsp prints them: <c>1.2.3.4:80</c>, <c>::1:80</c> (IPv6
/// without brackets), <c>1.2.3.4:40000-&gt;5.6.7.8:80</c>, a tuple of IPv4-mapped IPv6 addresses
/// as the IPv4 tuple, unix sockets as their path (tuples: the kernel pointers in hexadecimal,
/// then the path), other families as <c>family N</c>.
/// </summary>
internal static class SocketText
{
    public static void AppendAddress(ref TextBuffer text, SockAddr address)
    {
        switch (address.Family)
        {
            case SocketFamily.Inet:
            case SocketFamily.Inet6:
                AppendEndpoint(ref text, address.Endpoint, asIPv4: false);
                break;
            case SocketFamily.Unix:
                text.AppendUtf8(address.UnixPath);
                break;
            default:
                AppendFamily(ref text, address.Family);
                break;
        }
    }

    public static void AppendTuple(ref TextBuffer text, SockTuple tuple)
    {
        switch (tuple.Family)
        {
            case SocketFamily.Inet:
            case SocketFamily.Inet6:
                bool asIPv4 = tuple.Family == SocketFamily.Inet6
                    && IPText.IsIPv4Like(tuple.Source.Address.IPv6)
                    && IPText.IsIPv4Like(tuple.Destination.Address.IPv6);
                AppendEndpoint(ref text, tuple.Source, asIPv4);
                text.Append("->");
                AppendEndpoint(ref text, tuple.Destination, asIPv4);
                break;
            case SocketFamily.Unix:
                text.Append(tuple.SourcePointer, "x");
                text.Append("->");
                text.Append(tuple.DestinationPointer, "x");
                text.Append(' ');
                text.AppendUtf8(tuple.UnixPath);
                break;
            default:
                AppendFamily(ref text, tuple.Family);
                break;
        }
    }

    private static void AppendEndpoint(ref TextBuffer text, SocketEndpoint endpoint, bool asIPv4)
    {
        if (asIPv4)
        {
            IPText.AppendAsIPv4(ref text, endpoint.Address.IPv6);
        }
        else
        {
            IPText.Append(ref text, endpoint.Address);
        }

        text.Append(':');
        text.Append(endpoint.Port);
    }

    private static void AppendFamily(ref TextBuffer text, SocketFamily family)
    {
        text.Append("family ");
        text.Append((byte)family);
    }
}

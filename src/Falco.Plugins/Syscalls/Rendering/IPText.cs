using System;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>IP addresses as libsinsp writes them: dotted IPv4, <c>inet_ntop</c> IPv6, from their bytes in network order.</summary>
internal static class IPText
{
    public static void AppendIPv4(ref TextBuffer text, scoped ReadOnlySpan<byte> address)
    {
        for (int i = 0; i < IPv4Address.Size; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }

            text.Append(address[i]);
        }
    }

    public static void Append(ref TextBuffer text, IPv4Address address)
    {
        Span<byte> bytes = stackalloc byte[IPv4Address.Size];
        address.CopyTo(bytes);
        AppendIPv4(ref text, bytes);
    }

    public static void Append(ref TextBuffer text, IPv6Address address)
    {
        Span<byte> bytes = stackalloc byte[IPv6Address.Size];
        address.CopyTo(bytes);
        Inet6Text.Append(ref text, bytes);
    }

    public static void Append(ref TextBuffer text, IPAddressValue address)
    {
        if (address.IsIPv6)
        {
            Append(ref text, address.IPv6);
        }
        else
        {
            Append(ref text, address.IPv4);
        }
    }

    /// <summary>
    /// Whether libsinsp treats an IPv6 address as IPv4: an IPv4-mapped address
    /// (<c>::ffff:a.b.c.d</c>) or the unspecified address, whose last 4 bytes are then the IPv4 one.
    /// </summary>
    public static bool IsIPv4Like(IPv6Address address)
    {
        Span<byte> bytes = stackalloc byte[IPv6Address.Size];
        address.CopyTo(bytes);
        if (bytes.Slice(0, 10).ContainsAnyExcept((byte)0))
        {
            return false;
        }

        return (bytes[10] == 0xff && bytes[11] == 0xff) || !bytes.Slice(10).ContainsAnyExcept((byte)0);
    }

    /// <summary>The last 4 bytes of an IPv4-like IPv6 address, dotted.</summary>
    public static void AppendAsIPv4(ref TextBuffer text, IPv6Address address)
    {
        Span<byte> bytes = stackalloc byte[IPv6Address.Size];
        address.CopyTo(bytes);
        AppendIPv4(ref text, bytes.Slice(12));
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The interface list blocks: one entry per address, IPv4 or IPv6, with or without the link
/// speed. Version 2 entries start with their length; bytes past the known fields are skipped.
/// </summary>
internal static class InterfaceListReader
{
    private const ushort Ipv4 = 1;
    private const ushort Ipv6 = 2;
    private const ushort Ipv4NoLinkSpeed = 3;
    private const ushort Ipv6NoLinkSpeed = 4;

    public static IReadOnlyList<CaptureInterface> Read(CaptureBlock block)
    {
        bool sized = block.Type == BlockTypes.InterfaceListV2;
        BlockCursor cursor = block.Cursor("interface list");
        var interfaces = new List<CaptureInterface>();
        while (cursor.Remaining >= 4)
        {
            if (!sized)
            {
                interfaces.Add(ReadEntry(ref cursor));
                continue;
            }

            uint length = cursor.U32();
            if (length > (uint)cursor.Remaining)
            {
                throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"entry length {length} does not fit the {cursor.Remaining} bytes left"));
            }

            BlockCursor entry = cursor.Slice((int)length, "interface list entry");
            interfaces.Add(ReadEntry(ref entry));
        }

        return interfaces;
    }

    private static CaptureInterface ReadEntry(ref BlockCursor cursor)
    {
        long start = cursor.Offset;
        ushort type = cursor.U16();
        ushort nameLength = cursor.U16();
        int addressSize = type switch
        {
            Ipv4 or Ipv4NoLinkSpeed => 4,
            Ipv6 or Ipv6NoLinkSpeed => 16,
            _ => throw new CaptureFileException(string.Create(CultureInfo.InvariantCulture, $"interface list entry: unknown address type {type}"), start),
        };

        var address = new IPAddress(cursor.Bytes(addressSize));
        var netmask = new IPAddress(cursor.Bytes(addressSize));
        var broadcast = new IPAddress(cursor.Bytes(addressSize));
        ulong linkSpeed = type is Ipv4 or Ipv6 ? cursor.U64() : 0;
        string name = BlockCursor.CString(cursor.Bytes(nameLength));
        return new CaptureInterface(name, address, netmask, broadcast, linkSpeed);
    }
}

using System;
using System.Buffers.Binary;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// The text form of an IPv6 address as glibc's <c>inet_ntop</c> writes it, which is what
/// libsinsp shows: lower-case groups without leading zeros, the longest run of two or more zero
/// groups (the first of equal runs) as <c>::</c>, and IPv4-mapped (<c>::ffff:1.2.3.4</c>) and
/// IPv4-compatible (<c>::1.2.3.4</c>) addresses with their IPv4 part dotted.
/// </summary>
internal static class Inet6Text
{
    /// <summary>The longest text an address can have: <c>INET6_ADDRSTRLEN</c> without its NUL.</summary>
    public const int MaxLength = 45;

    public static void Append(ref TextBuffer text, scoped ReadOnlySpan<byte> address)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (int i = 0; i < groups.Length; i++)
        {
            groups[i] = BinaryPrimitives.ReadUInt16BigEndian(address.Slice(2 * i));
        }

        FindLongestZeroRun(groups, out int runStart, out int runLength);
        for (int i = 0; i < groups.Length; i++)
        {
            if (runLength > 0 && i >= runStart && i < runStart + runLength)
            {
                if (i == runStart)
                {
                    text.Append(':');
                }

                continue;
            }

            if (i > 0)
            {
                text.Append(':');
            }

            if (i == 6 && runStart == 0 && (runLength == 6 || (runLength == 5 && groups[5] == 0xffff)))
            {
                IPText.AppendIPv4(ref text, address.Slice(12));
                return;
            }

            text.Append(groups[i], "x");
        }

        if (runLength > 0 && runStart + runLength == groups.Length)
        {
            text.Append(':');
        }
    }

    private static void FindLongestZeroRun(ReadOnlySpan<ushort> groups, out int bestStart, out int bestLength)
    {
        bestStart = -1;
        bestLength = 0;
        int start = -1;
        for (int i = 0; i <= groups.Length; i++)
        {
            if (i < groups.Length && groups[i] == 0)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0 && i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }

            start = -1;
        }

        // A single zero group is written out, not shortened.
        if (bestLength < 2)
        {
            bestStart = -1;
            bestLength = 0;
        }
    }
}

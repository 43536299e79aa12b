using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The fd list blocks: the tid, then one entry per file descriptor, shaped by its type.
/// Version 2 entries start with their length; bytes past the fields this reader knows are skipped.
/// </summary>
internal static class FdListReader
{
    /// <summary>The thread id of the block and its file descriptors, in block order.</summary>
    public static (long Tid, IReadOnlyList<CaptureFd> Fds) Read(CaptureBlock block)
    {
        bool sized = block.Type == BlockTypes.FdListV2;
        BlockCursor cursor = block.Cursor("fd list");
        long tid = cursor.I64();
        var fds = new List<CaptureFd>();
        // Fewer than 4 bytes left is padding, as libscap reads it.
        while (cursor.Remaining >= 4)
        {
            if (!sized)
            {
                fds.Add(ReadEntry(ref cursor, sizedEntry: false));
                continue;
            }

            uint length = cursor.U32();
            if (length < sizeof(uint) || length - sizeof(uint) > (uint)cursor.Remaining)
            {
                throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"entry length {length} does not fit the {cursor.Remaining + sizeof(uint)} bytes left"));
            }

            BlockCursor entry = cursor.Slice((int)length - sizeof(uint), "fd list entry");
            fds.Add(ReadEntry(ref entry, sizedEntry: true));
        }

        return (tid, fds);
    }

    private static CaptureFd ReadEntry(ref BlockCursor cursor, bool sizedEntry)
    {
        var fd = new CaptureFd { Fd = cursor.I64(), Ino = cursor.U64() };
        byte type = cursor.U8();
        switch ((FdType)type)
        {
            case FdType.Ipv4Socket:
                fd = fd with
                {
                    Type = FdType.Ipv4Socket,
                    SourceAddress = new IPAddress(cursor.Bytes(4)),
                    DestinationAddress = new IPAddress(cursor.Bytes(4)),
                    SourcePort = cursor.U16(),
                    DestinationPort = cursor.U16(),
                    L4Protocol = cursor.U8(),
                };
                break;
            case FdType.Ipv4ServerSocket:
                fd = fd with
                {
                    Type = FdType.Ipv4ServerSocket,
                    SourceAddress = new IPAddress(cursor.Bytes(4)),
                    SourcePort = cursor.U16(),
                    L4Protocol = cursor.U8(),
                };
                break;
            case FdType.Ipv6Socket:
                fd = fd with
                {
                    Type = FdType.Ipv6Socket,
                    SourceAddress = new IPAddress(cursor.Bytes(16)),
                    DestinationAddress = new IPAddress(cursor.Bytes(16)),
                    SourcePort = cursor.U16(),
                    DestinationPort = cursor.U16(),
                    L4Protocol = cursor.U8(),
                };
                break;
            case FdType.Ipv6ServerSocket:
                fd = fd with
                {
                    Type = FdType.Ipv6ServerSocket,
                    SourceAddress = new IPAddress(cursor.Bytes(16)),
                    SourcePort = cursor.U16(),
                    L4Protocol = cursor.U8(),
                };
                break;
            case FdType.UnixSocket:
                fd = fd with
                {
                    Type = FdType.UnixSocket,
                    UnixSource = cursor.U64(),
                    UnixDestination = cursor.U64(),
                    Name = cursor.String16(),
                };
                break;
            case FdType.FileV2:
                fd = fd with { Type = FdType.FileV2, OpenFlags = cursor.U32(), Name = cursor.String16() };
                // The device came later: only entries long enough carry it.
                if (sizedEntry && cursor.Fits(4))
                {
                    fd = fd with { Dev = cursor.U32() };
                }

                break;
            case FdType.Unknown:
                // libscap writes nothing more for an unknown descriptor.
                break;
            case FdType.File or FdType.Directory or FdType.Fifo or FdType.Event or FdType.Unsupported
                or FdType.SignalFd or FdType.EventPoll or FdType.Inotify or FdType.TimerFd or FdType.Netlink
                or FdType.Bpf or FdType.UserFaultFd or FdType.IoUring or FdType.MemFd or FdType.PidFd:
                fd = fd with { Type = (FdType)type, Name = cursor.String16() };
                break;
            default:
                // A kind from a newer libscap: named as libscap names it, the rest of the entry skipped.
                fd = fd with { Type = FdType.Unsupported, Name = string.Create(CultureInfo.InvariantCulture, $"unknown-type:[{type}]") };
                break;
        }

        return fd with { Name = FdNames.Of(fd) };
    }
}

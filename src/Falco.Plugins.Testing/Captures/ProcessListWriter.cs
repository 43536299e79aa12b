using System.Collections.Generic;
using System.Net;
using System.Text;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The bodies of the process list (version 9) and fd list (version 2) blocks libscap writes
/// today, the counterpart of <see cref="ProcessListReader"/> and <see cref="FdListReader"/>.
/// </summary>
internal static class ProcessListWriter
{
    public static BlockBuilder ProcessList(IEnumerable<CaptureThread> threads)
    {
        var body = new BlockBuilder();
        foreach (CaptureThread thread in threads)
        {
            body.SizedEntry(Entry(thread));
        }

        return body;
    }

    public static BlockBuilder FdList(long tid, IReadOnlyList<CaptureFd> fds)
    {
        var body = new BlockBuilder();
        body.I64(tid);
        foreach (CaptureFd fd in fds)
        {
            body.SizedEntry(Entry(fd));
        }

        return body;
    }

    private static BlockBuilder Entry(CaptureThread thread)
    {
        var entry = new BlockBuilder();
        entry.I64(thread.Tid);
        entry.I64(thread.Pid);
        entry.I64(thread.Ptid);
        entry.I64(thread.Sid);
        entry.I64(thread.Vpgid);
        entry.String16(thread.Comm);
        entry.String16(thread.Exe);
        entry.String16(thread.ExePath);
        entry.Bytes16(NulTerminated(thread.Args));
        entry.String16(thread.Cwd);
        entry.I64(thread.FdLimit);
        entry.U32(thread.Flags);
        entry.U32(thread.Uid);
        entry.U32(thread.Gid);
        entry.U32(thread.VmSizeKb);
        entry.U32(thread.VmRssKb);
        entry.U32(thread.VmSwapKb);
        entry.U64(thread.PageFaultsMajor);
        entry.U64(thread.PageFaultsMinor);
        entry.Bytes16(NulTerminated(thread.Env));
        entry.I64(thread.Vtid);
        entry.I64(thread.Vpid);
        var cgroups = new List<string>();
        foreach ((string subsystem, string path) in thread.Cgroups)
        {
            cgroups.Add(subsystem + "=" + path);
        }

        entry.Bytes16(NulTerminated(cgroups));
        entry.String16(thread.Root);
        entry.U64(thread.PidNamespaceInitStart);
        entry.U32(thread.Tty);
        entry.U32(thread.LoginUid);
        entry.Bool(thread.ExeWritable);
        entry.U64(thread.CapInheritable);
        entry.U64(thread.CapPermitted);
        entry.U64(thread.CapEffective);
        entry.Bool(thread.ExeUpperLayer);
        entry.U64(thread.ExeIno);
        entry.U64(thread.ExeInoCtime);
        entry.U64(thread.ExeInoMtime);
        entry.Bool(thread.ExeFromMemfd);
        entry.Bool(thread.ExeLowerLayer);
        entry.I64(thread.Pgid);
        return entry;
    }

    private static BlockBuilder Entry(CaptureFd fd)
    {
        var entry = new BlockBuilder();
        entry.I64(fd.Fd);
        entry.U64(fd.Ino);
        entry.U8((byte)fd.Type);
        switch (fd.Type)
        {
            case FdType.Ipv4Socket or FdType.Ipv6Socket:
                int size = fd.Type == FdType.Ipv4Socket ? 4 : 16;
                entry.Bytes(Address(fd.SourceAddress, size));
                entry.Bytes(Address(fd.DestinationAddress, size));
                entry.U16(fd.SourcePort);
                entry.U16(fd.DestinationPort);
                entry.U8(fd.L4Protocol);
                break;
            case FdType.Ipv4ServerSocket or FdType.Ipv6ServerSocket:
                entry.Bytes(Address(fd.SourceAddress, fd.Type == FdType.Ipv4ServerSocket ? 4 : 16));
                entry.U16(fd.SourcePort);
                entry.U8(fd.L4Protocol);
                break;
            case FdType.UnixSocket:
                entry.U64(fd.UnixSource);
                entry.U64(fd.UnixDestination);
                entry.String16(fd.Name);
                break;
            case FdType.FileV2:
                entry.U32(fd.OpenFlags);
                entry.String16(fd.Name);
                entry.U32(fd.Dev);
                break;
            case FdType.Unknown or FdType.Uninitialized:
                break;
            default:
                entry.String16(fd.Name);
                break;
        }

        return entry;
    }

    /// <summary>The address's bytes, or zeros of the size the fd type needs when it has none (or one of the other family).</summary>
    private static byte[] Address(IPAddress? address, int size)
    {
        byte[]? bytes = address?.GetAddressBytes();
        return bytes is not null && bytes.Length == size ? bytes : new byte[size];
    }

    private static byte[] NulTerminated(IEnumerable<string> strings)
    {
        var text = new StringBuilder();
        foreach (string value in strings)
        {
            text.Append(value).Append('\0');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

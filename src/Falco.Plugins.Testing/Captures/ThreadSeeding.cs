using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// Turns a capture's threads into entries of the host's <c>threads</c> table the way libsinsp's
/// threadinfo init does for threads it reads from a capture: the flags gain PPM_CL_ACTIVE, the
/// environment and working directory (with a trailing '/') belong to main threads only,
/// cgroup subsystems get libsinsp's names, and fds are named and flagged as coming from /proc.
/// </summary>
internal static class ThreadSeeding
{
    /// <summary>PPM_CL_NAME_CHANGED, which every new threadinfo starts with.</summary>
    private const uint NameChangedFlag = 1u << 17;

    /// <summary>PPM_CL_ACTIVE: libsinsp assumes threads from /proc (or a capture's list) are live.</summary>
    private const uint ActiveFlag = 1u << 19;

    /// <summary>sinsp_fdinfo::FLAGS_FROM_PROC.</summary>
    private const uint FromProcFdFlag = 1u << 0;

    /// <summary>sinsp_fdinfo::FLAGS_ROLE_CLIENT.</summary>
    private const uint ClientRoleFdFlag = 1u << 2;

    /// <summary>sinsp_fdinfo::FLAGS_ROLE_SERVER.</summary>
    private const uint ServerRoleFdFlag = 1u << 3;

    /// <summary>sinsp_fdinfo::FLAGS_SOCKET_CONNECTED.</summary>
    private const uint ConnectedFdFlag = 1u << 13;

    /// <summary>SCAP_L4_TCP.</summary>
    private const byte Tcp = 2;

    public static ThreadEntry Add(ThreadTable table, CaptureThread thread)
    {
        bool main = thread.IsMainThread;
        ThreadEntry entry = table.Add(
            thread.Tid,
            thread.Comm,
            thread.Exe,
            thread.ExePath,
            thread.Pid,
            thread.Ptid,
            main ? WithTrailingSlash(thread.Cwd) : "",
            thread.Uid,
            thread.Gid);
        entry.Sid = thread.Sid;
        entry.Vpgid = thread.Vpgid;
        entry.Pgid = thread.Pgid;
        entry.Flags = NameChangedFlag | thread.Flags | ActiveFlag;
        entry.FdLimit = thread.FdLimit;
        entry.LoginUid = thread.LoginUid;
        entry.ExeWritable = thread.ExeWritable;
        entry.Vtid = thread.Vtid;
        entry.Vpid = thread.Vpid;
        entry.Root = thread.Root;
        entry.Tty = thread.Tty;
        entry["exe_upper_layer"] = thread.ExeUpperLayer;
        entry["exe_lower_layer"] = thread.ExeLowerLayer;
        entry["exe_from_memfd"] = thread.ExeFromMemfd;
        entry["exe_ino"] = thread.ExeIno;
        entry["exe_ino_ctime"] = thread.ExeInoCtime;
        entry["exe_ino_mtime"] = thread.ExeInoMtime;
        entry["pidns_init_start_ts"] = thread.PidNamespaceInitStart;
        entry.SetArgs([.. thread.Args]);
        if (main)
        {
            entry.SetEnv([.. thread.Env]);
        }

        entry.SetCgroups(LibsinspCgroups(thread.Cgroups));
        foreach (CaptureFd fd in thread.Fds)
        {
            AddFd(entry.Fds, fd);
        }

        return entry;
    }

    private static void AddFd(FdTable fds, CaptureFd fd)
    {
        bool mapped = FdNames.IsMappedIpv4(fd);
        FdType type = mapped ? FdType.Ipv4Socket : fd.Type;
        FdEntry entry = fds.Add(fd.Fd, fd.Name, type, fd.OpenFlags);
        entry.Ino = fd.Ino;
        entry.Dev = fd.Dev;
        uint flags = FromProcFdFlag;
        switch (type)
        {
            case FdType.Ipv4Socket:
                entry["socket_ipv4_src_ip"] = Ipv4Bits(fd.SourceAddress);
                entry["socket_ipv4_dest_dip"] = Ipv4Bits(fd.DestinationAddress);
                entry["socket_ipv4_src_port"] = fd.SourcePort;
                entry["socket_ipv4_dst_port"] = fd.DestinationPort;
                entry["socket_ipv4_l4_proto"] = fd.L4Protocol;
                flags |= fd.L4Protocol == Tcp ? ConnectedFdFlag : 0;
                break;
            case FdType.Ipv6Socket:
                (entry["socket_ipv6_src_ip_low"], entry["socket_ipv6_src_ip_high"]) = Ipv6Halves(fd.SourceAddress);
                (entry["socket_ipv6_dest_ip_low"], entry["socket_ipv6_dest_ip_high"]) = Ipv6Halves(fd.DestinationAddress);
                entry["socket_ipv6_src_port"] = fd.SourcePort;
                entry["socket_ipv6_dst_port"] = fd.DestinationPort;
                entry["socket_ipv6_l4_proto"] = fd.L4Protocol;
                flags |= fd.L4Protocol == Tcp ? ConnectedFdFlag : 0;
                break;
            case FdType.Ipv4ServerSocket:
                entry["socket_ipv4_server_ip"] = Ipv4Bits(fd.SourceAddress);
                entry["socket_ipv4_server_port"] = fd.SourcePort;
                entry["socket_ipv4_server_l4_proto"] = fd.L4Protocol;
                break;
            case FdType.Ipv6ServerSocket:
                (entry["socket_ipv6_server_ip_low"], entry["socket_ipv6_server_ip_high"]) = Ipv6Halves(fd.SourceAddress);
                entry["socket_ipv6_server_port"] = fd.SourcePort;
                entry["socket_ipv6_server_l4_proto"] = fd.L4Protocol;
                break;
            case FdType.UnixSocket:
                entry["socket_unix_src"] = fd.UnixSource;
                entry["socket_unix_dest"] = fd.UnixDestination;
                flags |= fd.Name.Length == 0 ? ClientRoleFdFlag : ServerRoleFdFlag;
                break;
        }

        entry.Flags = flags;
    }

    /// <summary>An IPv4 address as libsinsp holds it: the network-order bytes read as a little-endian u32.</summary>
    private static uint Ipv4Bits(IPAddress? address)
    {
        if (address is null)
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return address.TryWriteBytes(bytes, out int written) && written == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : 0;
    }

    /// <summary>An IPv6 address as the two u64 halves libsinsp's fields expose, each read little-endian.</summary>
    private static (ulong Low, ulong High) Ipv6Halves(IPAddress? address)
    {
        Span<byte> bytes = stackalloc byte[16];
        return address is not null && address.TryWriteBytes(bytes, out int written) && written == 16
            ? (BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]))
            : (0, 0);
    }

    /// <summary>libsinsp's cwd always ends with '/'.</summary>
    private static string WithTrailingSlash(string cwd) => cwd.EndsWith('/') ? cwd : cwd + "/";

    /// <summary>The subsystem names libsinsp uses: no "_cgroup" suffix, perf as perf_event, mem as memory, io as blkio.</summary>
    private static (string Subsystem, string Path)[] LibsinspCgroups(IReadOnlyList<(string Subsystem, string Path)> cgroups)
    {
        var renamed = new (string, string)[cgroups.Count];
        for (int i = 0; i < cgroups.Count; i++)
        {
            string subsystem = cgroups[i].Subsystem;
            int suffix = subsystem.IndexOf("_cgroup", StringComparison.Ordinal);
            subsystem = suffix < 0 ? subsystem : subsystem.Remove(suffix, "_cgroup".Length);
            renamed[i] = (subsystem switch
            {
                "perf" => "perf_event",
                "mem" => "memory",
                "io" => "blkio",
                _ => subsystem,
            }, cgroups[i].Path);
        }

        return renamed;
    }
}

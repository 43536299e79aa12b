using System;
using System.IO;
using System.Linq;
using System.Net;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>The libsinsp test captures of shared/data, read with <see cref="CaptureFile"/>.</summary>
public sealed class CaptureFileTests
{
    public static TheoryData<string, int, int> Counts => new()
    {
        // libsinsp's counts, then every event block of the file.
        { "single_ipv6_conn.scap", 1714, 1728 },
        { "test_ipv6_client.scap", 293, 326 },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Delivers_the_events_libsinsp_delivers_numbered_from_one(string name, int delivered, int _)
    {
        var events = CaptureFile.ReadAllEvents(SharedData.File("captures", name));

        Assert.Equal(delivered, events.Count);
        Assert.Equal(Enumerable.Range(1, delivered).Select(n => (ulong)n), events.Select(e => e.Number));
        Assert.All(events, e => Assert.Equal(CaptureFile.SyscallSource, e.Source));
        Assert.All(events, e => Assert.Equal(e.Length, (uint)e.Bytes.Length));
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Timestamp <= pair.Second.Timestamp));
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void The_events_libsinsp_does_not_deliver_are_the_syscall_enter_events(string name, int delivered, int all)
    {
        var every = CaptureFile.ReadAllEvents(SharedData.File("captures", name), new CaptureReadOptions { IncludeSyscallEnterEvents = true, ConvertOldVersions = false });
        var libsinsp = CaptureFile.ReadAllEvents(SharedData.File("captures", name)).Select(e => e.Timestamp).ToHashSet();

        Assert.Equal(all, every.Count);
        Assert.Equal(Enumerable.Range(1, all).Select(n => (ulong)n), every.Select(e => e.Number));
        var left = every.Where(e => !libsinsp.Contains(e.Timestamp)).ToList();
        Assert.Equal(all - delivered, left.Count);
        // All of them enter events (even codes) of syscalls: read, socket, connect, mmap, ...
        Assert.All(left, e => Assert.Equal(0, e.Type % 2));
        Assert.DoesNotContain(left, e => e.Type is 234 or 152 or 186);
    }

    [Fact]
    public void First_and_last_events_of_single_ipv6_conn()
    {
        var events = CaptureFile.ReadAllEvents(SharedData.SingleIpv6Conn);

        // Procinfo events (code 234) of the threads sysdig saw, first and last.
        Assert.Equal((1533943844999999999ul, (ushort)234, 1ul), (events[0].Timestamp, events[0].Type, events[0].ThreadId));
        Assert.Equal((1533943861999999999ul, (ushort)234, 25884ul), (events[^1].Timestamp, events[^1].Type, events[^1].ThreadId));
        // The nc server's socket exit, stored with the one parameter of its version, converted to
        // the five of the event table; its enter event is not delivered.
        CapturedEvent socket = events.First(e => e.Type == 19);
        Assert.Equal((25886ul, 1533943853000939056ul, 5u), (socket.ThreadId, socket.Timestamp, socket.ParamCount));
        Assert.Equal(848ul, socket.Number);
    }

    [Fact]
    public void Events_of_first_format_blocks_get_their_parameter_count()
    {
        var events = CaptureFile.ReadAllEvents(SharedData.TestIpv6Client, new CaptureReadOptions { ConvertOldVersions = false });

        Assert.Equal((1534551447999999999ul, (ushort)234, 1ul), (events[0].Timestamp, events[0].Type, events[0].ThreadId));
        Assert.Equal((1534551452999999999ul, (ushort)234, 19746ul), (events[^1].Timestamp, events[^1].Type, events[^1].ThreadId));
        // 22-byte headers on disk, 26 bytes now: the lengths grew by the count's 4 bytes.
        Assert.Equal(46u, events[0].Length);
        Assert.Equal(2u, events[0].ParamCount);
        CapturedEvent execve = Assert.Single(events, e => e.Type == 231);
        Assert.Equal(16u, execve.ParamCount);
        Assert.Equal(19747ul, execve.ThreadId);
        Assert.Equal(1u, Assert.Single(events, e => e.Type == 186).ParamCount);
    }

    [Fact]
    public void Metadata_of_single_ipv6_conn()
    {
        using CaptureFile capture = CaptureFile.Open(SharedData.SingleIpv6Conn);

        Assert.True(capture.IsCompressed);
        Assert.Equal(new Version(1, 2), capture.FormatVersion);
        Assert.Equal(new CaptureMachineInfo(2, 6250692608, 0, "ubuntu"), capture.MachineInfo);
        Assert.Equal(154, capture.Threads.Count);
        Assert.Equal(564, capture.Threads.Sum(t => t.Fds.Count));
        Assert.Equal(13, capture.Interfaces.Count);
        Assert.Equal(new CaptureInterface("lo", IPAddress.Parse("127.0.0.1"), IPAddress.Parse("255.0.0.0"), IPAddress.Parse("127.0.0.1"), 0), capture.Interfaces[0]);
        Assert.Contains(capture.Interfaces, i => i.Name == "lo" && i.Address.Equals(IPAddress.Parse("2001:db8::4")));
        Assert.Equal((42, 72), (capture.Users.Count, capture.Groups.Count));
        Assert.Equal(new CaptureUser(0, 0, "root", "/root", "/bin/bash"), capture.Users[0]);
        Assert.Equal(new CaptureGroup(0, "root"), capture.Groups[0]);
    }

    [Fact]
    public void A_process_of_a_version_9_process_list()
    {
        using CaptureFile capture = CaptureFile.Open(SharedData.SingleIpv6Conn);

        CaptureThread sysdig = capture.Threads.Single(t => t.Tid == 25884);
        Assert.Equal((25884L, 25883L, 3044L, 25883L), (sysdig.Pid, sysdig.Ptid, sysdig.Sid, sysdig.Vpgid));
        Assert.Equal("sysdig", sysdig.Comm);
        Assert.Equal("./userspace/sysdig/sysdig", sysdig.Exe);
        Assert.Equal("/home/mstemm/builds/sysdig/release/userspace/sysdig/sysdig", sysdig.ExePath);
        Assert.Equal(["-zw", "single_ipv6_conn.scap", "proc.name=nc and evt.type in (socket, bind, accept, listen, connect, read, write) and fd.typechar!=f"], sysdig.Args);
        Assert.Equal("/home/mstemm/builds/sysdig/release", sysdig.Cwd);
        Assert.Equal((0u, 0u, uint.MaxValue, 1024L), (sysdig.Uid, sysdig.Gid, sysdig.LoginUid, sysdig.FdLimit));
        Assert.Equal((78916u, 1547ul), (sysdig.VmSizeKb, sysdig.PageFaultsMinor));
        Assert.Equal("TERM=dumb", sysdig.Env[0]);
        Assert.Equal(("pids", "/user.slice/user-501.slice"), sysdig.Cgroups[2]);
        Assert.Equal("/", sysdig.Root);
        Assert.Equal(Enumerable.Range(0, 8).Select(n => (long)n), sysdig.Fds.Select(f => f.Fd));
        CaptureFd scap = sysdig.Fds[5];
        Assert.Equal((FdType.FileV2, "/home/mstemm/builds/sysdig/release/single_ipv6_conn.scap", 788485ul, 2u), (scap.Type, scap.Name, scap.Ino, scap.OpenFlags));
        Assert.Equal((FdType.Directory, "/proc"), (sysdig.Fds[6].Type, sysdig.Fds[6].Name));
    }

    [Fact]
    public void A_process_of_a_version_5_process_list_with_first_format_fd_lists()
    {
        using CaptureFile capture = CaptureFile.Open(SharedData.TestIpv6Client);

        Assert.Equal(new CaptureMachineInfo(1, 1038864384, 0, "ip-10-0-0-79"), capture.MachineInfo);
        CaptureThread sysdig = capture.Threads.Single(t => t.Tid == 19746);
        Assert.Equal((19746L, 19745L), (sysdig.Pid, sysdig.Ptid));
        // Version 5 has no session, process group or executable path.
        Assert.Equal((-1L, -1L, ""), (sysdig.Sid, sysdig.Vpgid, sysdig.ExePath));
        Assert.Equal(("sysdig", "sysdig", "/home/ubuntu"), (sysdig.Comm, sysdig.Exe, sysdig.Cwd));
        Assert.Equal(["-zw", "test_ipv6_client.scap", "proc.name=test_ipv6_clien"], sysdig.Args);
        Assert.Equal(("perf_event", "/"), sysdig.Cgroups[0]);
        Assert.Equal(8, sysdig.Fds.Count);
        Assert.Equal((FdType.File, "/dev/sysdig0"), (sysdig.Fds[4].Type, sysdig.Fds[4].Name));
        Assert.Equal(58, capture.Threads.Count);
        Assert.Equal(5, capture.Interfaces.Count);
        Assert.Equal((31, 55), (capture.Users.Count, capture.Groups.Count));
    }

    [Fact]
    public void Sockets_are_named_as_libsinsp_names_them()
    {
        using CaptureFile capture = CaptureFile.Open(SharedData.SingleIpv6Conn);

        CaptureThread sshd = capture.Threads.Single(t => t.Tid == 1239);
        Assert.Equal((FdType.Ipv4ServerSocket, "0.0.0.0:22"), (sshd.Fds[3].Type, sshd.Fds[3].Name));
        Assert.Equal((FdType.Ipv6ServerSocket, ":::22"), (sshd.Fds[4].Type, sshd.Fds[4].Name));
        CaptureFd connection = capture.Threads.Single(t => t.Tid == 2821).Fds.Single(f => f.Fd == 3);
        Assert.Equal((FdType.Ipv4Socket, "10.0.2.15:22->10.0.2.2:61560"), (connection.Type, connection.Name));
        Assert.Equal((IPAddress.Parse("10.0.2.15"), (ushort)22, (byte)2), (connection.SourceAddress, connection.SourcePort, connection.L4Protocol));
    }

    [Fact]
    public void Plain_and_non_seekable_input_read_the_same_as_the_compressed_file()
    {
        var expected = CaptureFile.ReadAllEvents(SharedData.TestIpv6Client);
        byte[] plain = SharedData.Decompressed(SharedData.TestIpv6Client);

        using CaptureFile capture = CaptureFile.Open(new OneWayStream(plain));
        var events = capture.ReadEvents().ToList();

        Assert.False(capture.IsCompressed);
        Assert.Equal(58, capture.Threads.Count);
        Assert.Equal(expected.Select(e => e.Bytes.ToArray()), events.Select(e => e.Bytes.ToArray()));
    }

    [Fact]
    public void Events_are_read_once_per_open()
    {
        using CaptureFile capture = CaptureFile.Open(SharedData.TestIpv6Client);
        Assert.Equal(293, capture.ReadEvents().Count());

        Assert.Throws<InvalidOperationException>(() => capture.ReadEvents());
    }

    [Fact]
    public void A_missing_file_is_reported_as_such()
    {
        Assert.Throws<FileNotFoundException>(() => CaptureFile.Open(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".scap")));
    }

    /// <summary>A stream that can only be read forward, like a pipe.</summary>
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

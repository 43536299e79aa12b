using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>Captures written with <see cref="CaptureFileWriter"/> and read back with <see cref="CaptureFile"/>.</summary>
public sealed class CaptureFileWriterTests
{
    /// <summary>The events as written: the synthetic events here need not be valid versions for libscap's converter.</summary>
    private static readonly CaptureReadOptions AsStored = new() { ConvertOldVersions = false };

    private static readonly CaptureThread Shell = new()
    {
        Tid = 100,
        Pid = 100,
        Ptid = 1,
        Sid = 100,
        Vpgid = 100,
        Pgid = 100,
        Comm = "bash",
        Exe = "-bash",
        ExePath = "/usr/bin/bash",
        Args = ["-l", "", "x y"],
        Cwd = "/home/user",
        FdLimit = 1024,
        Flags = 4,
        Uid = 1000,
        Gid = 1000,
        VmSizeKb = 8000,
        VmRssKb = 5000,
        VmSwapKb = 1,
        PageFaultsMajor = 2,
        PageFaultsMinor = 300,
        Env = ["HOME=/home/user", "LANG=C.UTF-8"],
        Vtid = 7,
        Vpid = 7,
        Cgroups = [("cpu", "/user.slice"), ("memory", "/user.slice/user-1000.slice")],
        Root = "/",
        PidNamespaceInitStart = 123456789,
        Tty = 34816,
        LoginUid = 1000,
        ExeWritable = true,
        CapInheritable = 1,
        CapPermitted = 2,
        CapEffective = 3,
        ExeUpperLayer = true,
        ExeLowerLayer = true,
        ExeFromMemfd = true,
        ExeIno = 42,
        ExeInoCtime = 43,
        ExeInoMtime = 44,
        Fds =
        [
            new CaptureFd { Fd = 0, Ino = 5, Type = FdType.FileV2, Name = "/dev/pts/0", OpenFlags = 3, Dev = 0x88 },
            new CaptureFd { Fd = 3, Ino = 6, Type = FdType.Ipv4Socket, Name = "10.0.0.1:5000->10.0.0.2:443", SourceAddress = IPAddress.Parse("10.0.0.1"), SourcePort = 5000, DestinationAddress = IPAddress.Parse("10.0.0.2"), DestinationPort = 443, L4Protocol = 2 },
            new CaptureFd { Fd = 4, Ino = 7, Type = FdType.Ipv6ServerSocket, Name = "2001:db8::1:80", SourceAddress = IPAddress.Parse("2001:db8::1"), SourcePort = 80, L4Protocol = 2 },
            new CaptureFd { Fd = 5, Ino = 8, Type = FdType.UnixSocket, Name = "/run/app.sock", UnixSource = 0xFFFF1, UnixDestination = 0xFFFF2 },
            new CaptureFd { Fd = 6, Ino = 9, Type = FdType.PidFd, Name = "anon_inode:[pidfd]" },
            new CaptureFd { Fd = 7, Ino = 10, Type = FdType.Ipv6Socket, Name = "1.2.3.4:1->5.6.7.8:2", SourceAddress = IPAddress.Parse("::ffff:1.2.3.4"), SourcePort = 1, DestinationAddress = IPAddress.Parse("::ffff:5.6.7.8"), DestinationPort = 2, L4Protocol = 3 },
        ],
    };

    private static readonly CaptureThread Worker = new() { Tid = 101, Pid = 100, Ptid = 1, Comm = "bash", Exe = "-bash" };

    [Fact]
    public void Threads_machine_and_events_read_back_as_written()
    {
        var machine = new CaptureMachineInfo(8, 1 << 30, 4194304, "build-host", 1700000000000000000, 1);
        byte[][] events =
        [
            SyscallEvent.Build(3, 100, 1000, BitConverter.GetBytes(3L), Encoding.UTF8.GetBytes("/etc/hosts\0")),
            CapturedEvent.PluginEvent(999, "hello"u8, timestamp: 2000).Bytes.ToArray(),
            SyscallEvent.Build(7, 101, 3000),
        ];

        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, machine, leaveOpen: true))
        {
            writer.WriteThreads([Shell, Worker]);
            foreach (byte[] evt in events)
            {
                writer.WriteEvent(evt, cpu: 1);
            }
        }

        file.Position = 0;
        using CaptureFile capture = CaptureFile.Open(file);
        Assert.Equal(new Version(1, 2), capture.FormatVersion);
        Assert.Equal(machine, capture.MachineInfo);
        Assert.Equal(Snapshot.Of(new[] { Shell, Worker }), Snapshot.Of(capture.Threads));
        Assert.Equal(events, capture.ReadEvents(AsStored).Select(e => e.Bytes.ToArray()));
    }

    [Fact]
    public void A_compressed_capture_is_a_gzip_file_libscap_reads()
    {
        string path = Path.Combine(Path.GetTempPath(), $"capture-{Guid.NewGuid()}.scap");
        try
        {
            using (CaptureFileWriter writer = CaptureFileWriter.Create(path, compress: true))
            {
                writer.WriteThreads([Worker]);
                writer.WriteEvent(SyscallEvent.Build(1, 101, 5));
            }

            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x1F, 0x8B }, bytes[..2]);
            using CaptureFile capture = CaptureFile.Open(path);
            Assert.True(capture.IsCompressed);
            Assert.Equal(101, Assert.Single(capture.Threads).Tid);
            Assert.Equal(5ul, Assert.Single(capture.ReadEvents(AsStored)).Timestamp);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_event_longer_than_a_normal_block_is_written_in_a_large_block()
    {
        byte[] big = SyscallEvent.Build(9, 1, 1, BitConverter.GetBytes(1L), new byte[60000], new byte[10000]);
        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, leaveOpen: true))
        {
            writer.WriteEvent(big);
        }

        byte[] bytes = file.ToArray();
        // Section header (28) and machine info (192), then the event block.
        Assert.Equal(0x221u, BitConverter.ToUInt32(bytes, 28 + 192));
        using CaptureFile capture = CaptureFile.Open(new MemoryStream(bytes));
        Assert.Equal(big, Assert.Single(capture.ReadEvents(AsStored)).Bytes.ToArray());
    }

    [Fact]
    public void A_shared_capture_rewritten_reads_back_the_same()
    {
        using CaptureFile original = CaptureFile.Open(SharedData.SingleIpv6Conn);
        var events = original.ReadEvents(new CaptureReadOptions { IncludeSyscallEnterEvents = true, ConvertOldVersions = false }).ToList();
        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, original.MachineInfo, compress: true, leaveOpen: true))
        {
            writer.WriteThreads(original.Threads);
            foreach (CapturedEvent evt in events)
            {
                writer.WriteEvent(evt);
            }
        }

        file.Position = 0;
        using CaptureFile copy = CaptureFile.Open(file);
        Assert.Equal(original.MachineInfo, copy.MachineInfo);
        Assert.Equal(Snapshot.Of(original.Threads), Snapshot.Of(copy.Threads));
        var copied = copy.ReadEvents().ToList();
        Assert.Equal(1714, copied.Count);
        Assert.Equal(CaptureFile.ReadAllEvents(SharedData.SingleIpv6Conn).Select(e => e.Bytes.ToArray()), copied.Select(e => e.Bytes.ToArray()));
    }

    [Fact]
    public void Unconverted_every_event_but_the_syscall_enter_events_of_the_event_table_is_delivered()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(SharedData.EventSchema));
        JsonElement root = schema.RootElement;
        int syscallCategory = root.GetProperty("enums").GetProperty("event_categories").GetProperty("EC_SYSCALL").GetInt32();
        int unusedFlag = root.GetProperty("enums").GetProperty("event_flags").GetProperty("EF_UNUSED").GetInt32();
        var expected = new List<ushort>();
        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, leaveOpen: true))
        {
            foreach (JsonElement evt in root.GetProperty("events").EnumerateArray())
            {
                ushort code = evt.GetProperty("code").GetUInt16();
                bool enter = evt.GetProperty("direction").GetString() == "E";
                bool syscall = (evt.GetProperty("category").GetInt32() & syscallCategory) != 0;
                bool unused = (evt.GetProperty("flags").GetInt32() & unusedFlag) != 0;
                if (!(enter && (syscall || unused)))
                {
                    expected.Add(code);
                }

                writer.WriteEvent(SyscallEvent.Build(code, 1, code));
            }

            // Codes newer than the table are delivered as they are.
            writer.WriteEvent(SyscallEvent.Build(454, 1, 454));
            writer.WriteEvent(SyscallEvent.Build(1000, 1, 1000));
            expected.AddRange([454, 1000]);
        }

        file.Position = 0;
        using CaptureFile capture = CaptureFile.Open(file);
        Assert.Equal(expected, capture.ReadEvents(AsStored).Select(e => e.Type));
        Assert.Equal(454 - 193 + 2, expected.Count);
    }

    [Fact]
    public void Plugin_events_get_the_source_of_their_plugin_id()
    {
        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, leaveOpen: true))
        {
            writer.WriteEvent(CapturedEvent.PluginEvent(999, "a"u8));
            writer.WriteEvent(CapturedEvent.PluginEvent(555, "b"u8));
            writer.WriteEvent(CapturedEvent.AsyncEvent("container", "{}"u8, pluginId: 999));
            writer.WriteEvent(CapturedEvent.AsyncEvent("internal", "{}"u8));
            writer.WriteEvent(SyscallEvent.Build(1, 1, 1));
        }

        file.Position = 0;
        using CaptureFile capture = CaptureFile.Open(file);
        var options = new CaptureReadOptions { PluginEventSources = new Dictionary<uint, string> { [999] = "k8saudit" }, ConvertOldVersions = false };

        Assert.Equal(["k8saudit", "", "k8saudit", "syscall", "syscall"], capture.ReadEvents(options).Select(e => e.Source));
    }

    [Fact]
    public void Threads_go_before_events_and_events_must_be_well_formed()
    {
        using var writer = new CaptureFileWriter(new MemoryStream());
        writer.WriteEvent(SyscallEvent.Build(1, 1, 1));

        Assert.Throws<InvalidOperationException>(() => writer.WriteThreads([Worker]));
        Assert.Throws<ArgumentException>(() => writer.WriteEvent(new byte[20]));
        byte[] lying = SyscallEvent.Build(1, 1, 1);
        lying[16]++;
        Assert.Throws<ArgumentException>(() => writer.WriteEvent(lying));
        Assert.Throws<ArgumentException>(() => new CaptureFileWriter(new MemoryStream()).WriteThreads([Worker with { Comm = new string('x', 70000) }]));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>
/// Replaying captures through a host: the process list seeds the threads table as libsinsp
/// does, and each event is parsed by the plugins (here the C plugin of Native/table_plugin.c)
/// before it is handed out.
/// </summary>
public sealed class CaptureReplayTests
{
    /// <summary>PPM_CL_NAME_CHANGED | PPM_CL_ACTIVE.</summary>
    private const uint SeededFlags = (1u << 17) | (1u << 19);

    [Fact]
    public void Opening_a_capture_seeds_the_threads_of_its_process_list()
    {
        using var host = new PluginHost();
        host.Threads.Add(5, comm: "kept");
        host.Threads.Add(25884, comm: "replaced");

        using CaptureReplay replay = host.OpenCaptureFile(SharedData.SingleIpv6Conn);

        Assert.Equal(155, host.Threads.Count);
        Assert.Equal("kept", host.Threads[5].Comm);
        ThreadEntry sysdig = host.Threads[25884];
        Assert.Equal(("sysdig", "./userspace/sysdig/sysdig", "/home/mstemm/builds/sysdig/release/userspace/sysdig/sysdig"), (sysdig.Comm, sysdig.Exe, sysdig.ExePath));
        Assert.Equal((25884L, 25883L, 3044L, 25883L), (sysdig.Pid, sysdig.Ptid, sysdig.Sid, sysdig.Vpgid));
        // libsinsp's cwd ends with a slash.
        Assert.Equal("/home/mstemm/builds/sysdig/release/", sysdig.Cwd);
        Assert.Equal(["-zw", "single_ipv6_conn.scap", "proc.name=nc and evt.type in (socket, bind, accept, listen, connect, read, write) and fd.typechar!=f"], sysdig.Args);
        Assert.Equal(replay.File.Threads.Single(t => t.Tid == 25884).Env, sysdig.Env);
        Assert.Equal(("pids", "/user.slice/user-501.slice"), sysdig.Cgroups[2]);
        Assert.Equal(SeededFlags, sysdig.Flags);
        Assert.Equal((1024L, uint.MaxValue, 0u, 0u), (sysdig.FdLimit, sysdig.LoginUid, sysdig.Uid, sysdig.Gid));
        Assert.Equal(8, sysdig.Fds.Count);
        FdEntry scap = sysdig.Fds[5];
        Assert.Equal((FdType.FileV2, "/home/mstemm/builds/sysdig/release/single_ipv6_conn.scap", 2u, 788485ul), (scap.Type, scap.Name, scap.OpenFlags, scap.Ino));
        Assert.Equal(1u, scap.Flags);
    }

    [Fact]
    public void Threads_that_are_not_main_threads_leave_cwd_and_environment_to_their_process()
    {
        using var host = new PluginHost();
        using CaptureReplay replay = host.OpenCaptureFile(SharedData.SingleIpv6Conn);

        CaptureThread recorded = replay.File.Threads.Single(t => t.Tid == 897);
        ThreadEntry thread = host.Threads[897];

        Assert.Equal((886L, "/", 6), (recorded.Pid, recorded.Cwd, recorded.Env.Count));
        Assert.Equal(("", 0), (thread.Cwd, thread.Env.Count));
        Assert.Equal("/", host.Threads[886].Cwd);
    }

    [Fact]
    public void Socket_descriptors_carry_their_addresses_and_flags()
    {
        using var host = new PluginHost();
        using CaptureReplay replay = host.OpenCaptureFile(SharedData.SingleIpv6Conn);

        FdEntry listening = host.Threads[1239].Fds[3];
        Assert.Equal((FdType.Ipv4ServerSocket, "0.0.0.0:22", (ushort)22, 1u), (listening.Type, listening.Name, listening.Get<ushort>("socket_ipv4_server_port"), listening.Flags));
        FdEntry connected = host.Threads[2821].Fds[3];
        Assert.Equal((FdType.Ipv4Socket, "10.0.2.15:22->10.0.2.2:61560"), (connected.Type, connected.Name));
        // 10.0.2.15 in network order, read as a little-endian u32; TCP sockets from a capture are connected.
        Assert.Equal((0x0F02000Au, (ushort)61560, 1u | (1u << 13)), (connected.Get<uint>("socket_ipv4_src_ip"), connected.Get<ushort>("socket_ipv4_dst_port"), connected.Flags));
        FdEntry unix = host.Threads[847].Fds[3];
        Assert.Equal((FdType.UnixSocket, 1u | (1u << 3)), (unix.Type, unix.Flags));
    }

    [Fact]
    public void Each_event_is_parsed_before_it_is_handed_out()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);
        byte[] capture = Capture(
            [new CaptureThread { Tid = 100, Pid = 100, Comm = "bash" }, new CaptureThread { Tid = 200, Pid = 200, Comm = "curl" }],
            Event(100, "count"),
            Event(100, "count"),
            Event(200, "rename:wget"),
            Event(100, "fd:7:/tmp/out"),
            Event(100, "count", pluginId: 555));
        var seen = new List<string>();

        using (CaptureReplay replay = host.OpenCaptureFile(new MemoryStream(capture), Sources(999)))
        {
            foreach (CapturedEvent evt in replay)
            {
                seen.Add($"{evt.Number}:{evt.Source}:{plugin.Extract(evt, "tp.events").Values.SingleOrDefault()}:{plugin.Extract(evt, "tp.comm").String}");
            }

            Assert.Equal(5, replay.EventsRead);
        }

        // The event of an unknown plugin has no source, so no parser runs on it.
        Assert.Equal(["1:test:1:bash", "2:test:2:bash", "3:test:0:wget", "4:test:2:bash", "5::2:bash"], seen);
        Assert.Equal("/tmp/out", host.Threads[100].Fds[7].Name);
    }

    [Fact]
    public void A_failing_parser_stops_the_replay()
    {
        using var host = new PluginHost();
        host.Load(NativePlugins.A);
        byte[] capture = Capture([new CaptureThread { Tid = 100, Pid = 100 }], Event(100, "count"), Event(100, "fail"), Event(100, "count"));
        var numbers = new List<ulong>();

        using CaptureReplay replay = host.OpenCaptureFile(new MemoryStream(capture), Sources(999));
        PluginHostException error = Assert.Throws<PluginHostException>(() =>
        {
            foreach (CapturedEvent evt in replay)
            {
                numbers.Add(evt.Number);
            }
        });

        Assert.Equal("plugin tp_a failed to parse event 2: asked to fail", error.Message);
        Assert.Equal([1ul], numbers);
        Assert.Equal(1ul, host.Threads[100].Get<ulong>("tp_events"));
    }

    [Fact]
    public void Replay_runs_to_the_end_and_counts_the_events()
    {
        using var host = new PluginHost();
        var timestamps = new List<ulong>();

        long count = host.Replay(SharedData.TestIpv6Client, evt => timestamps.Add(evt.Timestamp));

        Assert.Equal(293, count);
        Assert.Equal(293, timestamps.Count);
        Assert.Equal(58, host.Threads.Count);
        Assert.Equal(1534551452999999999ul, timestamps[^1]);
    }

    [Fact]
    public void A_malformed_capture_seeds_nothing()
    {
        using var host = new PluginHost();

        Assert.Throws<CaptureFileException>(() => host.OpenCaptureFile(new MemoryStream(Encoding.UTF8.GetBytes("not a capture at all"))));
        Assert.Equal(0, host.Threads.Count);
    }

    private static CaptureReadOptions Sources(uint pluginId) =>
        new() { PluginEventSources = new Dictionary<uint, string> { [pluginId] = "test" } };

    private static CapturedEvent Event(long tid, string payload, uint pluginId = 999)
    {
        byte[] bytes = CapturedEvent.PluginEvent(pluginId, Encoding.UTF8.GetBytes(payload)).Bytes.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(8), tid);
        return CapturedEvent.FromBytes(bytes);
    }

    private static byte[] Capture(CaptureThread[] threads, params CapturedEvent[] events)
    {
        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, leaveOpen: true))
        {
            writer.WriteThreads(threads);
            foreach (CapturedEvent evt in events)
            {
                writer.WriteEvent(evt);
            }
        }

        return file.ToArray();
    }
}

using System;
using System.Net;
using System.Text;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Syscalls.Rendering;
using static Falco.Plugins.Tests.Syscalls.RenderingEvents;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>
/// Whole events rendered as libsinsp prints <c>evt.type</c> and <c>evt.args</c>: one golden
/// line per kind of parameter that renders in its own way.
/// </summary>
public sealed class RenderingGoldenTests
{
    private static readonly SocketEndpoint Client4 = new(new IPv4Address(10, 0, 0, 1), 40000);
    private static readonly SocketEndpoint Server4 = new(new IPv4Address(10, 0, 0, 2), 443);

    [Fact]
    public void Openat_exit_shows_at_fdcwd_flag_names_an_octal_mode_and_a_hexadecimal_dev()
    {
        byte[] evt = SyscallOpenat2Exit.Encode(1, 2, 3, -100, "/etc/passwd"u8, 4097, 0, 0x803, 1234);

        Assert.Equal("openat fd=3 dirfd=-100(AT_FDCWD) name=/etc/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=803 ino=1234", Render(evt));
    }

    [Fact]
    public void Failed_open_shows_the_errno_name_and_flags_in_table_order()
    {
        // O_WRONLY|O_CREAT|O_TRUNC, mode 0644: the table lists O_TRUNC before O_CREAT before O_WRONLY.
        byte[] evt = SyscallOpenExit.Encode(1, 2, -2, "/nope"u8, 2 | 4 | 256, 420, 0, 0);

        Assert.Equal("open fd=-2(ENOENT) name=/nope flags=262(O_TRUNC|O_CREAT|O_WRONLY) mode=0644 dev=0 ino=0", Render(evt));
    }

    [Fact]
    public void Errno_results_show_their_name_and_other_results_their_number()
    {
        Assert.Equal("rmdir res=-13(EACCES)", Render(SyscallRmdirExit.Encode(1, 2, -13)));
        Assert.Equal("rmdir res=-512(ERESTARTSYS)", Render(SyscallRmdirExit.Encode(1, 2, -512)));
        Assert.Equal("rmdir res=-41", Render(SyscallRmdirExit.Encode(1, 2, -41)));
        Assert.Equal("rmdir res=0", Render(SyscallRmdirExit.Encode(1, 2, 0)));
    }

    [Fact]
    public void Connect_over_IPv4_shows_the_tuple_and_the_address()
    {
        byte[] evt = SocketConnectExit.Encode(1, 2, 0, SockTuple.FromEndpoints(Client4, Server4), 3, SockAddr.FromEndpoint(Server4));

        Assert.Equal("connect res=0 tuple=10.0.0.1:40000->10.0.0.2:443 fd=3 addr=10.0.0.2:443", Render(evt));
    }

    [Fact]
    public void Connect_over_IPv6_shows_addresses_as_inet_ntop_without_brackets()
    {
        var client = new SocketEndpoint(V6("2001:db8::4"), 54405);
        var server = new SocketEndpoint(V6("2001:db8::3"), 1234);
        byte[] evt = SocketConnectExit.Encode(1, 2, -115, SockTuple.FromEndpoints(client, server), 3, SockAddr.FromEndpoint(server));

        Assert.Equal("connect res=-115(EINPROGRESS) tuple=2001:db8::4:54405->2001:db8::3:1234 fd=3 addr=2001:db8::3:1234", Render(evt));
    }

    [Fact]
    public void Tuple_of_IPv4_mapped_addresses_shows_as_the_IPv4_tuple()
    {
        var client = new SocketEndpoint(V6("::ffff:192.0.2.7"), 5000);
        var server = new SocketEndpoint(V6("::ffff:198.51.100.1"), 80);
        byte[] evt = SocketConnectExit.Encode(1, 2, 0, SockTuple.FromEndpoints(client, server), 3, SockAddr.FromEndpoint(server));

        Assert.Equal("connect res=0 tuple=192.0.2.7:5000->198.51.100.1:80 fd=3 addr=::ffff:198.51.100.1:80", Render(evt));
    }

    [Fact]
    public void Unix_socket_connect_shows_the_kernel_pointers_and_the_path()
    {
        byte[] evt = SocketConnectExit.Encode(
            1, 2, -2, SockTuple.FromUnix(0, 0xffff94dc817b9400, "/var/run/nscd/socket"u8), 3, SockAddr.FromUnixPath("/var/run/nscd/socket"u8));

        Assert.Equal("connect res=-2(ENOENT) tuple=0->ffff94dc817b9400 /var/run/nscd/socket fd=3 addr=/var/run/nscd/socket", Render(evt));
    }

    [Fact]
    public void Socket_address_of_another_family_shows_the_family()
    {
        byte[] evt = SocketBindExit.Encode(1, 2, 0, SockAddr.FromData((SocketFamily)16, [1, 2, 3]), 3);

        Assert.Equal("bind res=0 addr=family 16 fd=3", Render(evt));
    }

    [Fact]
    public void Execve_shows_args_and_env_as_buffers_pids_times_in_UTC_and_no_login_uid()
    {
        byte[] evt = SyscallExecve19Exit.Encode(
            1,
            100,
            res: 0,
            exe: "/bin/ls"u8,
            args: CharBufArray.Encode("-la", "/tmp"),
            tid: 100,
            pid: 100,
            ptid: 99,
            cwd: "/home/u"u8,
            fdlimit: 1024,
            pgftMaj: 0,
            pgftMin: 33,
            vmSize: 328,
            vmRss: 4,
            vmSwap: 0,
            comm: "ls"u8,
            cgroups: CharBufArray.Encode("cpu=/user.slice"),
            env: CharBufArray.Encode("HOME=/root", "TERM=xterm"),
            tty: 34816,
            vpgid: 100,
            loginuid: uint.MaxValue,
            flags: 1,
            capInheritable: 0,
            capPermitted: 0x1ffffffffff,
            capEffective: 0,
            exeIno: 1234,
            exeInoCtime: new AbsoluteTime(1_700_000_000_000_000_001),
            exeInoMtime: new AbsoluteTime(0),
            uid: 0,
            trustedExepath: "/usr/bin/ls"u8,
            pgid: 100,
            gid: 0,
            filename: "/bin/ls"u8);

        Assert.Equal(
            "execve res=0 exe=/bin/ls args=-la./tmp. tid=100 pid=100 ptid=99 cwd=/home/u fdlimit=1024 pgft_maj=0 pgft_min=33 "
            + "vm_size=328 vm_rss=4 vm_swap=0 comm=ls cgroups=cpu=/user.slice. env=HOME=/root.TERM=xterm. tty=34816 vpgid=100 "
            + "loginuid=-1(<NONE>) flags=1(EXE_WRITABLE) cap_inheritable=0 cap_permitted=1FFFFFFFFFF cap_effective=0 exe_ino=1234 "
            + "exe_ino_ctime=2023-11-14 22:13:20.000000001 exe_ino_mtime=1970-01-01 00:00:00.000000000 uid=0 "
            + "trusted_exepath=/usr/bin/ls pgid=100 gid=0 filename=/bin/ls",
            Render(evt));
    }

    [Fact]
    public void Lists_of_strings_are_joined_with_dots_and_pairs_with_commas()
    {
        byte[] tags = CharBufArray.Encode("a", "b");
        byte[] pairs = CharBufArray.Encode("k1", "v1", "k2", "v2");
        byte[] evt = TracerEnter.Encode(1, 2, 7, new CharBufArray(tags), new CharBufPairArray(pairs));

        Assert.Equal("tracer id=7 tags=a.b args=k1:v1,k2:v2", Render(evt));
    }

    [Fact]
    public void Byte_buffer_shows_printable_ASCII_and_dots_and_is_cut_at_80_characters()
    {
        byte[] request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n");
        byte[] binary = [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xc3, 0xa9];
        byte[] large = Encoding.ASCII.GetBytes(new string('x', 100));

        Assert.Equal("read res=37 data=GET / HTTP/1.1..Host: example.com.... fd=5 size=1024", Render(SyscallReadExit.Encode(1, 2, 37, request, 5, 1024)));
        Assert.Equal("read res=10 data=.ELF...... fd=5 size=10", Render(SyscallReadExit.Encode(1, 2, 10, binary, 5, 10)));
        Assert.Equal($"read res=100 data={new string('x', 77)}... fd=5 size=100", Render(SyscallReadExit.Encode(1, 2, 100, large, 5, 100)));
    }

    [Fact]
    public void Byte_buffer_limit_is_an_option()
    {
        byte[] evt = SyscallReadExit.Encode(1, 2, 100, Encoding.ASCII.GetBytes(new string('x', 100)), 5, 100);

        Assert.Equal($"res=100 data={new string('x', 100)} fd=5 size=100", RenderArguments(evt, new EventRenderOptions { MaxBufferLength = 0 }));
        Assert.Equal("res=100 data=xxxxxxx... fd=5 size=100", RenderArguments(evt, new EventRenderOptions { MaxBufferLength = 10 }));
        Assert.Equal("res=100 data=.. fd=5 size=100", RenderArguments(evt, new EventRenderOptions { MaxBufferLength = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventRenderOptions { MaxBufferLength = -1 });
    }

    [Fact]
    public void Dynamic_parameter_renders_with_the_shape_its_index_selects()
    {
        // setsockopt's val: 0 bytes, 1 errno, 2 u32, 3 u64, 4 timeval.
        Assert.Equal(
            "setsockopt res=0 fd=3 level=1(SOL_SOCKET) optname=2(SO_REUSEADDR) val=1 optlen=4",
            Render(SocketSetsockoptExit.Encode(1, 2, 0, 3, 1, 2, DynamicValue.Create(2, U32(1)), 4)));
        Assert.Equal(
            "setsockopt res=0 fd=3 level=1(SOL_SOCKET) optname=20(SO_RCVTIMEO) val=1500000000(1.5s) optlen=16",
            Render(SocketSetsockoptExit.Encode(1, 2, 0, 3, 1, 20, DynamicValue.Create(4, U64(1_500_000_000)), 16)));
        Assert.Equal(
            "setsockopt res=-22(EINVAL) fd=3 level=0(UNKNOWN) optname=0(UNKNOWN) val=-22(EINVAL) optlen=0",
            Render(SocketSetsockoptExit.Encode(1, 2, -22, 3, 0, 0, DynamicValue.Create(1, I64(-22)), 0)));

        // ptrace's addr and data print in the parameter's format (hexadecimal), whatever the shape's.
        Assert.Equal(
            "ptrace res=0 addr=7FFDEADBEEF0 data=9(SIGKILL) request=5(PTRACE_POKETEXT) pid=42",
            Render(SyscallPtraceExit.Encode(1, 2, 0, DynamicValue.Create(0, U64(0x7ffdeadbeef0)), DynamicValue.Create(1, U8(9)), 5, 42)));
    }

    [Fact]
    public void Dynamic_parameter_with_an_unknown_shape_is_invalid()
    {
        byte[] evt = SocketSetsockoptExit.Encode(1, 2, 0, 3, 1, 2, DynamicValue.Create(9, U32(1)), 4);

        Assert.Equal("res=0 fd=3 level=1(SOL_SOCKET) optname=2(SO_REUSEADDR) val=<invalid> optlen=4", RenderArguments(evt));
    }

    [Fact]
    public void Event_of_an_older_version_shows_the_parameters_it_lacks_as_not_available()
    {
        // An openat exit of an old capture: fd, dirfd and name only.
        byte[] evt = Layout(307, 1, 2, false, I64(5), I64(-100), Str("/old"));

        Assert.Equal("openat fd=5 dirfd=-100(AT_FDCWD) name=/old flags=<NA> mode=<NA> dev=<NA> ino=<NA>", Render(evt));
    }

    [Fact]
    public void Parameter_carried_with_length_0_is_NULL_as_libsinsp_shows_it()
    {
        byte[] evt = Layout(307, 1, 2, false, I64(5), I64(-100), [], U32(1), U32(0), [], U64(9));

        Assert.Equal("openat fd=5 dirfd=-100(AT_FDCWD) name=NULL flags=1(O_RDONLY) mode=0 dev=NULL ino=9", Render(evt));
    }

    [Fact]
    public void Parameter_whose_bytes_do_not_fit_its_type_is_invalid_and_the_others_still_render()
    {
        // fd in 3 bytes, a name without its NUL, a socket tuple too short for IPv4.
        byte[] openat = Layout(307, 1, 2, false, [1, 2, 3], I64(-100), Encoding.ASCII.GetBytes("/x"), U32(1), U32(0), U32(0), U64(9));
        byte[] connect = Layout(23, 1, 2, false, I64(0), [2, 1, 2], I64(3), [2, 10, 0, 0, 2, 0x50, 0]);

        Assert.Equal("openat fd=<invalid> dirfd=-100(AT_FDCWD) name=<invalid> flags=1(O_RDONLY) mode=0 dev=0 ino=9", Render(openat));
        Assert.Equal("connect res=0 tuple=<invalid> fd=3 addr=10.0.0.2:80", Render(connect));
    }

    [Fact]
    public void Poll_sets_signals_and_durations_render_like_libsinsp()
    {
        byte[] ppoll = SyscallPpollExit.Encode(
            1, 2, 1, FdList.FromEntries([new FdListEntry(3, 1), new FdListEntry(4, 0x14)]), new RelativeTime(1_500_000_000), new SignalSet((1u << 1) | (1u << 14)));

        Assert.Equal("ppoll res=1 fds=3:?1 4:?14 timeout=1500000000(1.5s) sigmask=SIGINT SIGTERM", Render(ppoll));
        Assert.Equal("nanosleep res=0 interval=none", Render(SyscallNanosleepExit.Encode(1, 2, 0, new RelativeTime(ulong.MaxValue))));
        Assert.Equal("nanosleep res=0 interval=1(1e-09s)", Render(SyscallNanosleepExit.Encode(1, 2, 0, new RelativeTime(1))));
        Assert.Equal("kill res=0 pid=1234 sig=9(SIGKILL)", Render(SyscallKillExit.Encode(1, 2, 0, 1234, 9)));
        Assert.Equal("kill res=0 pid=1234 sig=34", Render(SyscallKillExit.Encode(1, 2, 0, 1234, 34)));
    }

    [Fact]
    public void Event_without_parameters_renders_as_its_name()
    {
        Assert.Equal("setsockopt", Render(SocketSetsockoptEnter.Encode(1, 2)));
        Assert.Equal(string.Empty, RenderArguments(SocketSetsockoptEnter.Encode(1, 2)));
    }

    [Fact]
    public void Strings_render_on_one_line_with_control_characters_as_dots_and_bad_UTF8_replaced()
    {
        byte[] evt = SyscallRmdirEnter.Encode(1, 2, [.. "/tmp/a\nb\tc/"u8, 0xff, .. "/été"u8]);

        Assert.Equal("rmdir path=/tmp/a.b.c/\uFFFD/été", Render(evt));
    }

    [Fact]
    public void Addresses_of_newer_events_render_as_text_and_ports_in_decimal()
    {
        byte[] inet = IterTaskFileSocketInetEnter.Encode(1, 2, 7, 1, 6, new IPv4Address(127, 0, 0, 1), 8080, new IPv4Address(10, 1, 2, 3), 443, 99);
        byte[] inet6 = IterTaskFileSocketInet6Enter.Encode(1, 2, 7, 1, 6, V6("::1"), 8080, V6("fe80::1:2:3:4"), 443, 99);

        Assert.Equal("task_file_socket_inet fd=7 sk_type=1 sk_proto=6 local_ip=127.0.0.1 local_port=8080 remote_ip=10.1.2.3 remote_port=443 ino_num=99", Render(inet));
        Assert.Equal("task_file_socket_inet6 fd=7 sk_type=1 sk_proto=6 local_ip=::1 local_port=8080 remote_ip=fe80::1:2:3:4 remote_port=443 ino_num=99", Render(inet6));
    }

    private static IPv6Address V6(string text) => IPv6Address.FromIPAddress(IPAddress.Parse(text));
}

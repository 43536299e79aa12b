using System;
using Falco.Plugins.Async;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Tests.Events;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>
/// The encoders write events byte for byte as libscap's <c>scap_event_encode_params</c> does:
/// header, u16 lengths (u32 for EF_LARGE_PAYLOAD), values little-endian, strings with their NUL.
/// </summary>
public sealed class LibscapEncodingTests
{
    [Fact]
    public void Openat_exit_is_laid_out_like_libscap()
    {
        byte[] encoded = SyscallOpenat2Exit.Encode(0x1122334455667788, 0x42, 3, -100, "/etc/passwd"u8, 0x1001, 0, 0x803, 1234);

        byte[] expected = Convert.FromHexString(
            "8877665544332211" + "4200000000000000" + "58000000" + "3301" + "07000000" // ts, tid, len 88, type 307, nparams 7
            + "0800" + "0800" + "0C00" + "0400" + "0400" + "0400" + "0800"           // lengths
            + "0300000000000000"                                                         // fd 3
            + "9CFFFFFFFFFFFFFF"                                                         // dirfd AT_FDCWD (-100)
            + "2F6574632F70617373776400"                                                 // "/etc/passwd\0"
            + "01100000"                                                                 // flags O_RDONLY|O_CLOEXEC
            + "00000000"                                                                 // mode
            + "03080000"                                                                 // dev
            + "D204000000000000");                                                       // ino 1234
        Assert.Equal(expected, encoded);
    }

    [Fact]
    public void Connect_exit_with_an_IPv4_tuple_is_laid_out_like_libscap()
    {
        var client = new SocketEndpoint(new IPv4Address(172, 31, 33, 48), 47263);
        var server = new SocketEndpoint(new IPv4Address(172, 31, 0, 2), 53);
        byte[] encoded = SocketConnectExit.Encode(7, 8, 0, SockTuple.FromEndpoints(client, server), 5, SockAddr.FromEndpoint(server));

        // Family, then address and little-endian port of each end (the layout of the driver's fillers).
        byte[] tuple = Convert.FromHexString("02" + "AC1F2130" + "9FB8" + "AC1F0002" + "3500");
        byte[] address = Convert.FromHexString("02" + "AC1F0002" + "3500");
        byte[] expected = Convert.FromHexString(
            "0700000000000000" + "0800000000000000" + "46000000" + "1700" + "04000000"
            + "0800" + "0D00" + "0800" + "0700"
            + "0000000000000000" + Convert.ToHexString(tuple) + "0500000000000000" + Convert.ToHexString(address));
        Assert.Equal(expected, encoded);
    }

    [Fact]
    public void Connect_exit_with_an_IPv6_tuple_is_laid_out_like_libscap()
    {
        var client = new SocketEndpoint(IPv6Address.FromIPAddress(System.Net.IPAddress.Parse("2001:4860:4860::8844")), 47263);
        var server = new SocketEndpoint(IPv6Address.FromIPAddress(System.Net.IPAddress.Parse("2001:4860:4860::8800")), 53);
        byte[] encoded = SocketConnectExit.Encode(1, 2, -115, SockTuple.FromEndpoints(client, server), 9, SockAddr.FromEndpoint(server));

        byte[] tuple = Convert.FromHexString(
            "0A" + "20014860486000000000000000008844" + "9FB8" + "20014860486000000000000000008800" + "3500");
        byte[] address = Convert.FromHexString("0A" + "20014860486000000000000000008800" + "3500");
        Assert.Equal(37, tuple.Length);
        Assert.Equal(19, address.Length);
        Assert.Equal(Layout(23, 1, 2, false, I64(-115), tuple, I64(9), address), encoded);
    }

    [Fact]
    public void Unix_socket_tuple_is_read_from_libscap_bytes()
    {
        // Family 1, source and destination kernel pointers, NUL-terminated path.
        byte[] tuple = Concat([0x01], U64(0), U64(0xffff98bc4ecf2000), Str("/var/run/nscd/socket"));
        byte[] bytes = Layout(23, 1, 2, false, I64(0), tuple, I64(4), Concat([0x01], Str("/var/run/nscd/socket")));

        With(bytes, view =>
        {
            Assert.True(SocketConnectExit.TryRead(view, out SocketConnectExit connect));
            SockTuple read = connect.Tuple;
            Assert.Equal(SocketFamily.Unix, read.Family);
            Assert.Equal(0ul, read.SourcePointer);
            Assert.Equal(0xffff98bc4ecf2000, read.DestinationPointer);
            Assert.Equal("/var/run/nscd/socket"u8.ToArray(), read.UnixPath.ToArray());
            Assert.Equal("/var/run/nscd/socket"u8.ToArray(), connect.Addr.UnixPath.ToArray());
        });
        Assert.Equal(bytes, SocketConnectExit.Encode(1, 2, 0, SockTuple.FromUnix(0, 0xffff98bc4ecf2000, "/var/run/nscd/socket"u8), 4, SockAddr.FromUnixPath("/var/run/nscd/socket"u8)));
    }

    [Fact]
    public void Execve_exit_with_its_string_lists_is_laid_out_like_libscap()
    {
        byte[] args = CharBufArray.Encode("-l", "--color=auto", string.Empty, "/tmp/dir with spaces");
        byte[] env = CharBufArray.Encode("PATH=/usr/bin", "HOME=/root");
        byte[] cgroups = CharBufArray.Encode("cpuset=/", "memory=/user.slice");
        byte[] encoded = SyscallExecve19Exit.Encode(
            100, 200, 0, "/usr/bin/ls"u8, args, 4242, 4242, 4000, "/root"u8, 1024, 1, 2, 3000, 4000, 0, "ls"u8, cgroups, env, 34816, 4242, 0,
            5, ulong.MaxValue, 0x1ff, 0x1ff, 131, new AbsoluteTime(1_700_000_000_000_000_001), new AbsoluteTime(1_600_000_000_000_000_000), 0,
            "/usr/bin/ls"u8, 4242, 0, "/bin/ls"u8);

        byte[] expected = Layout(293, 100, 200, false,
            I64(0), Str("/usr/bin/ls"), args, I64(4242), I64(4242), I64(4000), Str("/root"), U64(1024), U64(1), U64(2),
            U32(3000), U32(4000), U32(0), Str("ls"), cgroups, env, U32(34816), I64(4242), U32(0), U32(5),
            U64(ulong.MaxValue), U64(0x1ff), U64(0x1ff), U64(131), U64(1_700_000_000_000_000_001), U64(1_600_000_000_000_000_000), U32(0),
            Str("/usr/bin/ls"), I64(4242), U32(0), Str("/bin/ls"));
        Assert.Equal(expected, encoded);

        With(encoded, view =>
        {
            Assert.True(SyscallExecve19Exit.TryRead(view, out SyscallExecve19Exit execve, out string? error), error);
            Assert.Equal(["-l", "--color=auto", string.Empty, "/tmp/dir with spaces"], new CharBufArray(execve.Args).ToArray());
            Assert.Equal(["PATH=/usr/bin", "HOME=/root"], new CharBufArray(execve.Env).ToArray());
            Assert.Equal("/bin/ls", execve.GetFilenameString());
            Assert.Equal("EXE_WRITABLE|EXE_FROM_MEMFD", execve.Flags.ToString());
        });
    }

    [Fact]
    public void Large_payload_events_take_four_byte_lengths()
    {
        byte[] encoded = AsynceventEnter.Encode(5, 6, 0, "sample"u8, [1, 2, 3]);

        Assert.Equal(Layout(402, 5, 6, true, U32(0), Str("sample"), [1, 2, 3]), encoded);

        // The same bytes as the SDK's async event encoder, written independently.
        byte[] sdk = new byte[AsyncEventEncoder.Size(6, 3)];
        AsyncEventEncoder.Write(sdk, "sample"u8, [1, 2, 3], 5, 6);
        Assert.Equal(sdk, encoded);
    }

    [Fact]
    public void Plugin_event_matches_the_plugin_event_layout()
    {
        byte[] encoded = PlugineventEnter.Encode(1_700_000_000_000_000_000, ulong.MaxValue, 999, "hello"u8);

        Assert.Equal(TestEvents.Plugin(999, "hello"u8), encoded);
    }

    [Fact]
    public void Empty_string_is_a_lone_NUL_and_empty_bytes_are_a_zero_length()
    {
        byte[] encoded = AsynceventEnter.Encode(0, 0, 1, ""u8, default);

        Assert.Equal(Layout(402, 0, 0, true, U32(1), [0], []), encoded);
    }

    [Fact]
    public void Dynamic_value_starts_with_its_shape_index()
    {
        // setsockopt's val: index 2 is a u32 (PPM_SOCKOPT_IDX_UINT32).
        byte[] encoded = SocketSetsockoptExit.Encode(0, 0, 0, 3, 1, 2, DynamicValue.Create(2, U32(65536)), 4);

        Assert.Equal(Layout(45, 0, 0, false, I64(0), I64(3), U8(1), U8(2), Concat(U8(2), U32(65536)), U32(4)), encoded);
        With(encoded, view =>
        {
            Assert.True(SocketSetsockoptExit.TryRead(view, out SocketSetsockoptExit e));
            DynamicValue val = e.Val;
            Assert.Equal(2, val.Index);
            Assert.Equal(ParamType.UInt32, val.Shape!.Type);
            Assert.True(val.Value.TryGetUInt32(out uint number));
            Assert.Equal(65536u, number);
            Assert.Equal("SOL_SOCKET", e.Level.ToString());
            Assert.Equal("SO_REUSEADDR", e.Optname.ToString());
        });
    }

    [Fact]
    public void Fd_list_is_a_count_then_fd_and_flags_pairs()
    {
        FdListEntry[] entries = [new(3, 1), new(-1, 0), new(long.MaxValue, ushort.MaxValue)];
        byte[] encoded = SyscallPollExit.Encode(0, 0, 2, FdList.FromEntries(entries), -1);

        byte[] fds = Concat(U16(3), I64(3), U16(1), I64(-1), U16(0), I64(long.MaxValue), U16(ushort.MaxValue));
        Assert.Equal(Layout(81, 0, 0, false, I64(2), fds, I64(-1)), encoded);
        With(encoded, view =>
        {
            Assert.True(SyscallPollExit.TryRead(view, out SyscallPollExit poll));
            var read = new System.Collections.Generic.List<FdListEntry>();
            foreach (FdListEntry entry in poll.Fds)
            {
                read.Add(entry);
            }

            Assert.Equal(entries, read);
        });
    }

    [Fact]
    public void TryWrite_writes_the_same_bytes_and_fails_when_the_destination_is_short()
    {
        byte[] encoded = SyscallOpenat2Exit.Encode(1, 2, 3, 4, "/a"u8, 5, 6, 7, 8);
        byte[] buffer = new byte[encoded.Length + 10];

        Assert.True(SyscallOpenat2Exit.TryWrite(buffer, 1, 2, 3, 4, "/a"u8, 5, 6, 7, 8, out int written));
        Assert.Equal(encoded, buffer.AsSpan(0, written).ToArray());
        Assert.False(SyscallOpenat2Exit.TryWrite(buffer.AsSpan(0, encoded.Length - 1), 1, 2, 3, 4, "/a"u8, 5, 6, 7, 8, out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void A_value_longer_than_a_two_byte_length_cannot_be_encoded()
    {
        byte[] path = new byte[ushort.MaxValue];
        Array.Fill(path, (byte)'a');

        ArgumentException e = Assert.Throws<ArgumentException>(() => SyscallOpenat2Exit.Encode(1, 2, 3, 4, path, 5, 6, 7, 8));
        Assert.Contains("PPME_SYSCALL_OPENAT_2_X", e.Message, StringComparison.Ordinal);
        Assert.False(SyscallOpenat2Exit.TryWrite(new byte[200_000], 1, 2, 3, 4, path, 5, 6, 7, 8, out _));

        // One byte less, with its NUL, just fits.
        Assert.Equal(26 + 14 + 8 + 8 + ushort.MaxValue + 4 + 4 + 4 + 8, SyscallOpenat2Exit.Encode(1, 2, 3, 4, path.AsSpan(1), 5, 6, 7, 8).Length);
    }
}

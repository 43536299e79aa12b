using System;
using System.Collections.Generic;
using System.Net;
using Falco.Plugins.Syscalls;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>The value types of parameters: what they read, what they reject, and their helpers.</summary>
public sealed class ValueTypeTests
{
    [Fact]
    public void Times_convert_to_TimeSpan_and_DateTime()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), new RelativeTime(1_500_000_000).ToTimeSpan());
        Assert.Equal(TimeSpan.FromTicks((long)(ulong.MaxValue / 100)), new RelativeTime(ulong.MaxValue).ToTimeSpan());
        Assert.Equal(new RelativeTime(2_000_000_000), RelativeTime.FromTimeSpan(TimeSpan.FromSeconds(2)));

        var time = new AbsoluteTime(1_700_000_000_123_456_789);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc).AddTicks(1_234_567), time.ToDateTime());
        Assert.Equal(DateTimeKind.Utc, time.ToDateTime().Kind);
        Assert.Equal(new AbsoluteTime(1_700_000_000_123_456_700), AbsoluteTime.FromDateTime(time.ToDateTime()));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbsoluteTime.FromDateTime(new DateTime(1969, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Signal_set_holds_signal_n_at_bit_n_minus_1()
    {
        var set = new SignalSet((1u << 8) | (1u << 14) | (1u << 31)); // SIGKILL, SIGTERM, 32
        var signals = new List<int>();
        foreach (int signal in set)
        {
            signals.Add(signal);
        }

        Assert.Equal([9, 15, 32], signals);
        Assert.Equal(3, set.Count);
        Assert.True(set.Contains(9));
        Assert.False(set.Contains(2));
        Assert.False(set.Contains(0));
        Assert.False(set.Contains(33));
        Assert.True(new SignalSet(0).IsEmpty);
    }

    [Fact]
    public void IPv4_address_keeps_network_order_and_formats_without_allocating()
    {
        var address = new IPv4Address(192, 168, 1, 20);
        byte[] bytes = new byte[4];
        address.CopyTo(bytes);

        Assert.Equal(new byte[] { 192, 168, 1, 20 }, bytes);
        Assert.Equal(0xC0A80114u, address.Value);
        Assert.Equal(address, IPv4Address.FromValue(0xC0A80114));
        Assert.Equal(address, new IPv4Address(bytes));
        Assert.Equal(IPAddress.Parse("192.168.1.20"), address.ToIPAddress());
        Assert.Equal("192.168.1.20", address.ToString());
        Assert.Equal("255.255.255.255", new IPv4Address(255, 255, 255, 255).ToString());
        Assert.False(address.TryFormat(new char[11], out int written));
        Assert.Equal(0, written);
        Assert.Throws<ArgumentException>(() => new IPv4Address(new byte[3]));
    }

    [Fact]
    public void IPv6_address_round_trips_through_IPAddress()
    {
        IPAddress parsed = IPAddress.Parse("fe80::1:2:3:4");
        IPv6Address address = IPv6Address.FromIPAddress(parsed);
        byte[] bytes = new byte[16];
        address.CopyTo(bytes);

        Assert.Equal(parsed.GetAddressBytes(), bytes);
        Assert.Equal(parsed, address.ToIPAddress());
        Assert.Equal("fe80::1:2:3:4", address.ToString());
        Assert.Throws<ArgumentException>(() => IPv6Address.FromIPAddress(IPAddress.Loopback));
    }

    [Fact]
    public void Address_and_network_parameters_are_told_apart_by_length()
    {
        var ip = new ParamInfo(0, "ip", ParamType.IPAddr, PrintFormat.NotApplicable);
        Assert.True(new SyscallParameter(ip, [10, 0, 0, 1]).TryGetIPAddress(out IPAddressValue v4));
        Assert.False(v4.IsIPv6);
        Assert.Equal("10.0.0.1", v4.ToString());
        Assert.True(new SyscallParameter(ip, IPAddress.IPv6Loopback.GetAddressBytes()).TryGetIPAddress(out IPAddressValue v6));
        Assert.True(v6.IsIPv6);
        Assert.False(new SyscallParameter(ip, new byte[5]).TryGetIPAddress(out _));

        var net = new ParamInfo(0, "net", ParamType.IPNet, PrintFormat.NotApplicable);
        Assert.True(new SyscallParameter(net, [10, 0, 0, 0, 255, 255, 0, 0]).TryGetIPNetwork(out IPNetworkValue n4));
        Assert.Equal("10.0.0.0/255.255.0.0", n4.ToString());
        Assert.True(new SyscallParameter(net, new byte[32]).TryGetIPNetwork(out IPNetworkValue n6));
        Assert.True(n6.IsIPv6);
        Assert.False(new SyscallParameter(net, new byte[16]).TryGetIPNetwork(out _));
    }

    [Fact]
    public void Socket_address_lengths_must_fit_their_family()
    {
        Assert.True(ReadAddr([2, 1, 2, 3, 4, 0x50, 0], out SockAddr v4));
        Assert.Equal("1.2.3.4:80", v4.ToString());
        Assert.False(ReadAddr([2, 1, 2, 3, 4, 0x50], out _));
        Assert.False(ReadAddr(Concat([10], new byte[17]), out _));
        Assert.True(ReadAddr(Concat([10], new byte[18]), out SockAddr v6));
        Assert.Equal("[::]:0", v6.ToString());

        // A Unix path reads up to its NUL, or to the end when it has none.
        Assert.True(ReadAddr(Concat([1], Str("/run/a.sock")), out SockAddr unix));
        Assert.Equal("/run/a.sock"u8.ToArray(), unix.UnixPath.ToArray());
        Assert.True(ReadAddr(Concat([1], "/run/b"u8.ToArray()), out unix));
        Assert.Equal("/run/b"u8.ToArray(), unix.UnixPath.ToArray());

        // Other families keep their bytes as they are.
        Assert.True(ReadAddr([16, 9, 8, 7], out SockAddr netlink));
        Assert.Equal((SocketFamily)16, netlink.Family);
        Assert.Equal(new byte[] { 9, 8, 7 }, netlink.Data.ToArray());
        Assert.True(netlink.UnixPath.IsEmpty);
        Assert.Equal("family 16", netlink.ToString());
        Assert.Throws<ArgumentException>(() => SockAddr.FromData(SocketFamily.Inet, default));
    }

    [Fact]
    public void Socket_tuple_lengths_must_fit_their_family()
    {
        var tuple = new ParamInfo(0, "tuple", ParamType.SockTuple, PrintFormat.NotApplicable);
        Assert.False(new SyscallParameter(tuple, Concat([2], new byte[11])).TryGetSockTuple(out _));
        Assert.False(new SyscallParameter(tuple, Concat([10], new byte[37])).TryGetSockTuple(out _));
        Assert.False(new SyscallParameter(tuple, Concat([1], new byte[15])).TryGetSockTuple(out _));
        Assert.True(new SyscallParameter(tuple, Concat([1], new byte[16])).TryGetSockTuple(out SockTuple unix));
        Assert.True(unix.UnixPath.IsEmpty);
        Assert.False(new SyscallParameter(tuple, default).TryGetSockTuple(out _));
        Assert.Throws<ArgumentException>(() => SockTuple.FromEndpoints(new(new IPv4Address(1, 2, 3, 4), 1), new(IPv6Address.FromIPAddress(IPAddress.IPv6Loopback), 2)));
    }

    [Fact]
    public void Fd_list_must_hold_exactly_its_count()
    {
        var fds = new ParamInfo(0, "fds", ParamType.FdList, PrintFormat.NotApplicable);
        Assert.True(new SyscallParameter(fds, U16(0)).TryGetFdList(out FdList empty));
        Assert.Equal(0, empty.Count);
        Assert.False(new SyscallParameter(fds, Concat(U16(2), new byte[10])).TryGetFdList(out _));
        Assert.False(new SyscallParameter(fds, Concat(U16(1), new byte[11])).TryGetFdList(out _));
        Assert.False(new SyscallParameter(fds, [1]).TryGetFdList(out _));

        Assert.True(new SyscallParameter(fds, Concat(U16(1), I64(-7), U16(3))).TryGetFdList(out FdList one));
        Assert.Equal(new FdListEntry(-7, 3), one[0]);
        Assert.True(IndexThrows(one, 1));
        Assert.True(IndexThrows(one, -1));
        Assert.True(IndexThrows(FdList.FromEntries([new(1, 1)]), 1));
    }

    private static bool IndexThrows(FdList list, int index)
    {
        try
        {
            _ = list[index];
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return true;
        }
    }

    [Fact]
    public void String_lists_split_at_NULs()
    {
        var list = new CharBufArray("a\0\0bc\0d"u8);
        Assert.Equal(["a", string.Empty, "bc", "d"], list.ToArray());
        Assert.Equal(4, list.Count);
        Assert.Empty(new CharBufArray(default).ToArray());

        var pairs = new CharBufPairArray(CharBufPairArray.Encode([new("k1", "v1"), new("k2", string.Empty)]));
        var read = new List<string>();
        foreach (CharBufPair pair in pairs)
        {
            read.Add(System.Text.Encoding.UTF8.GetString(pair.Key) + "=" + System.Text.Encoding.UTF8.GetString(pair.Value));
        }

        Assert.Equal(["k1=v1", "k2="], read);
        Assert.Equal(1, new CharBufPairArray("lonely\0"u8).Count);
    }

    [Fact]
    public void Dynamic_index_must_select_a_shape()
    {
        ParamInfo val = EventSchema.Get(EventCode.SocketSetsockoptExit).Parameters[4];
        Assert.Equal(5, val.DynamicShapes.Count);

        Assert.True(new SyscallParameter(val, Concat([1], I64(-22))).TryGetDynamic(out DynamicValue errno));
        Assert.Equal(ParamType.Errno, errno.Shape!.Type);
        Assert.True(errno.Value.TryGetInt64(out long code));
        Assert.Equal(-22, code);
        Assert.False(new SyscallParameter(val, Concat([5], I64(0))).TryGetDynamic(out _));
        Assert.False(new SyscallParameter(val, default).TryGetDynamic(out _));

        // A wrong-sized value of a valid shape reads as a dynamic value whose typed getter fails.
        Assert.True(new SyscallParameter(val, Concat([3], U32(1))).TryGetDynamic(out DynamicValue short64));
        Assert.False(short64.Value.TryGetUInt64(out _));
    }

    private static bool ReadAddr(byte[] bytes, out SockAddr value) =>
        new SyscallParameter(new ParamInfo(0, "addr", ParamType.SockAddr, PrintFormat.NotApplicable), bytes).TryGetSockAddr(out value);
}

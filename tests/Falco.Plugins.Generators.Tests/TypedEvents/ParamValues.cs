using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// Deterministic values for every parameter of one event code, from a seed. Seeds 0 and 1 pick
/// edge values (zeros and empty values, then maximums and long values); other seeds pick at
/// random among edges and ordinary values. The harness asks for each value by its C# type.
/// </summary>
public sealed class ParamValues
{
    private static readonly byte[] LongPath = Encoding.UTF8.GetBytes("/" + string.Join("/", Enumerable.Repeat("a-rather-long-directory-name", 140)));

    private readonly object[] _values;
    private readonly Random _random;
    private readonly int _seed;

    public ParamValues(EventInfo info, int seed)
    {
        Info = info;
        _seed = seed;
        _random = new Random(HashCode.Combine(seed, (int)info.Code));
        Timestamp = seed == 1 ? ulong.MaxValue - 1 : (ulong)_random.NextInt64();
        ThreadId = seed == 1 ? ulong.MaxValue : (ulong)_random.Next();
        _values = info.Parameters.Select(Make).ToArray();
    }

    public EventInfo Info { get; }

    public ulong Timestamp { get; }

    public ulong ThreadId { get; }

    /// <summary>The value of parameter <paramref name="index"/> as it was built.</summary>
    public object Expected(int index) => _values[index];

    public sbyte Int8(int i) => (sbyte)_values[i];

    public short Int16(int i) => (short)_values[i];

    public int Int32(int i) => (int)_values[i];

    public long Int64(int i) => (long)_values[i];

    public byte UInt8(int i) => (byte)_values[i];

    public ushort UInt16(int i) => (ushort)_values[i];

    public uint UInt32(int i) => (uint)_values[i];

    public ulong UInt64(int i) => (ulong)_values[i];

    public double Double(int i) => (double)_values[i];

    public bool Bool(int i) => (bool)_values[i];

    public RelativeTime RelTime(int i) => (RelativeTime)_values[i];

    public AbsoluteTime AbsTime(int i) => (AbsoluteTime)_values[i];

    public SignalSet SigSet(int i) => (SignalSet)_values[i];

    public IPv4Address IPv4(int i) => (IPv4Address)_values[i];

    public IPv6Address IPv6(int i) => (IPv6Address)_values[i];

    public IPAddressValue IPAddr(int i) => (IPAddressValue)_values[i];

    public IPv4Network IPv4Net(int i) => (IPv4Network)_values[i];

    public IPv6Network IPv6Net(int i) => (IPv6Network)_values[i];

    public IPNetworkValue IPNet(int i) => (IPNetworkValue)_values[i];

    public byte Flags8(int i) => (byte)(uint)_values[i];

    public ushort Flags16(int i) => (ushort)(uint)_values[i];

    public uint Flags32(int i) => (uint)_values[i];

    public ReadOnlySpan<byte> Text(int i) => (byte[])_values[i];

    public ReadOnlySpan<byte> Bytes(int i) => (byte[])_values[i];

    public SockAddr SockAddr(int i)
    {
        var model = (SockAddrModel)_values[i];
        return model.Family switch
        {
            SocketFamily.Inet or SocketFamily.Inet6 => Syscalls.SockAddr.FromEndpoint(model.Endpoint),
            SocketFamily.Unix => Syscalls.SockAddr.FromUnixPath(model.Tail),
            _ => Syscalls.SockAddr.FromData(model.Family, model.Tail),
        };
    }

    public SockTuple SockTuple(int i)
    {
        var model = (SockTupleModel)_values[i];
        return model.Family switch
        {
            SocketFamily.Inet or SocketFamily.Inet6 => Syscalls.SockTuple.FromEndpoints(model.Source, model.Destination),
            SocketFamily.Unix => Syscalls.SockTuple.FromUnix(model.SourcePointer, model.DestinationPointer, model.Tail),
            _ => Syscalls.SockTuple.FromData(model.Family, model.Tail),
        };
    }

    public FdList FdList(int i) => Syscalls.FdList.FromEntries((FdListEntry[])_values[i]);

    public CharBufArray CharBufArray(int i) => new(((StringListModel)_values[i]).Encoded);

    public CharBufPairArray CharBufPairArray(int i) => new(((StringListModel)_values[i]).Encoded);

    public DynamicValue Dynamic(int i)
    {
        var model = (DynamicModel)_values[i];
        return DynamicValue.Create(model.Index, model.Bytes);
    }

    private object Make(ParamInfo p) => p.Type switch
    {
        ParamType.Int8 => (sbyte)Pick(0, sbyte.MaxValue, sbyte.MinValue, -1),
        ParamType.Int16 => (short)Pick(0, short.MaxValue, short.MinValue, -1),
        ParamType.Int32 or ParamType.Fd32 or ParamType.Pid32 => (int)Pick(0, int.MaxValue, int.MinValue, -1),
        ParamType.Int64 or ParamType.Errno or ParamType.Fd or ParamType.Pid => Pick(0, long.MaxValue, long.MinValue, -1),
        ParamType.UInt8 or ParamType.SigType or ParamType.L4Proto or ParamType.SockFamily => (byte)Pick(0, byte.MaxValue, 1, 0x80),
        ParamType.UInt16 or ParamType.SyscallId or ParamType.Port => (ushort)Pick(0, ushort.MaxValue, 1, 0x8000),
        ParamType.UInt32 or ParamType.Uid or ParamType.Gid => (uint)Pick(0, uint.MaxValue, 1, 0x8000_0000),
        ParamType.UInt64 => (ulong)Pick(0, -1, 1, long.MinValue),
        ParamType.Double => _seed switch { 0 => 0.0, 1 => double.MaxValue, _ => PickOne(double.NaN, double.NegativeInfinity, -0.0, _random.NextDouble() * 1e9) },
        ParamType.Bool => _seed != 0 && (_seed == 1 || _random.Next(2) == 1),
        ParamType.RelTime => new RelativeTime((ulong)Pick(0, -1, 1_000_000_000, 1)),
        ParamType.AbsTime => new AbsoluteTime((ulong)Pick(0, -1, 1_700_000_000_000_000_000, 1)),
        ParamType.SigSet => new SignalSet((uint)Pick(0, uint.MaxValue, 1 << 8, 1L << 31)),
        ParamType.IPv4Addr => V4(),
        ParamType.IPv6Addr => V6(),
        ParamType.IPAddr => _seed == 1 || _random.Next(2) == 1 ? new IPAddressValue(V6()) : new IPAddressValue(V4()),
        ParamType.IPv4Net => new IPv4Network(V4(), V4()),
        ParamType.IPv6Net => new IPv6Network(V6(), V6()),
        ParamType.IPNet => _seed == 1 || _random.Next(2) == 1 ? new IPNetworkValue(new IPv6Network(V6(), V6())) : new IPNetworkValue(new IPv4Network(V4(), V4())),
        ParamType.Flags8 or ParamType.EnumFlags8 => FlagNumber(p, byte.MaxValue),
        ParamType.Flags16 or ParamType.EnumFlags16 => FlagNumber(p, ushort.MaxValue),
        ParamType.Flags32 or ParamType.EnumFlags32 or ParamType.Mode => FlagNumber(p, uint.MaxValue),
        ParamType.CharBuf or ParamType.FsPath or ParamType.FsRelPath => Text(),
        ParamType.ByteBuf => Bytes(),
        ParamType.SockAddr => MakeSockAddr(),
        ParamType.SockTuple => MakeSockTuple(),
        ParamType.FdList => MakeFdList(),
        ParamType.CharBufArray => StringList(pairs: false),
        ParamType.CharBufPairArray => StringList(pairs: true),
        ParamType.Dyn => MakeDynamic(p),
        _ => throw new NotSupportedException(p.Type.ToString()),
    };

    private long Pick(long zero, long max, long edge1, long edge2) => _seed switch
    {
        0 => zero,
        1 => max,
        _ => _random.Next(4) switch
        {
            0 => edge1,
            1 => edge2,
            2 => max,
            _ => _random.NextInt64(long.MinValue, long.MaxValue),
        },
    };

    private T PickOne<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    private uint FlagNumber(ParamInfo p, uint max)
    {
        if (_seed == 0)
        {
            return 0;
        }

        if (_seed == 1)
        {
            return max;
        }

        FlagEntry[] entries = p.FlagTable?.Entries.ToArray() ?? [];
        uint value = entries.Length > 0 && _random.Next(2) == 0
            ? entries[_random.Next(entries.Length)].Value | (entries.Length > 1 ? entries[_random.Next(entries.Length)].Value : 0)
            : (uint)_random.NextInt64(0, (long)max + 1);
        return value & max;
    }

    private IPv4Address V4() => _seed switch
    {
        0 => new IPv4Address(0, 0, 0, 0),
        1 => new IPv4Address(255, 255, 255, 255),
        _ => new IPv4Address((byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(256)),
    };

    private IPv6Address V6()
    {
        if (_seed == 0)
        {
            return IPv6Address.FromIPAddress(IPAddress.IPv6Any);
        }

        if (_seed == 1 || _random.Next(3) == 0)
        {
            return IPv6Address.FromIPAddress(IPAddress.Parse(_seed == 1 ? "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" : "::ffff:192.0.2.7"));
        }

        byte[] bytes = new byte[16];
        _random.NextBytes(bytes);
        return new IPv6Address(bytes);
    }

    /// <summary>A C string: no NUL inside.</summary>
    private byte[] Text()
    {
        if (_seed == 0)
        {
            return [];
        }

        if (_seed == 1)
        {
            return LongPath;
        }

        return _random.Next(5) switch
        {
            0 => [],
            1 => LongPath,
            2 => Encoding.UTF8.GetBytes("/tmp/ünïcödé/файл-" + _random.Next()),
            3 => Enumerable.Range(0, _random.Next(1, 300)).Select(_ => (byte)_random.Next(1, 256)).ToArray(),
            _ => Encoding.UTF8.GetBytes("/usr/bin/x" + _random.Next()),
        };
    }

    private byte[] Bytes()
    {
        if (_seed == 0)
        {
            return [];
        }

        byte[] bytes = new byte[_seed == 1 ? 60_000 : _random.Next(0, 2000)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private SockAddrModel MakeSockAddr()
    {
        int kind = _seed < 2 ? _seed : _random.Next(4);
        return kind switch
        {
            0 => new SockAddrModel(SocketFamily.Inet, new SocketEndpoint(V4(), (ushort)Pick(0, ushort.MaxValue, 80, 443)), []),
            1 => new SockAddrModel(SocketFamily.Inet6, new SocketEndpoint(V6(), (ushort)Pick(0, ushort.MaxValue, 80, 443)), []),
            2 => new SockAddrModel(SocketFamily.Unix, default, Text()),
            _ => new SockAddrModel(OtherFamily(), default, RandomBytes(40)),
        };
    }

    private SockTupleModel MakeSockTuple()
    {
        int kind = _seed < 2 ? _seed : _random.Next(4);
        return kind switch
        {
            0 => new SockTupleModel(SocketFamily.Inet, new(V4(), (ushort)Pick(0, ushort.MaxValue, 1, 2)), new(V4(), (ushort)Pick(0, ushort.MaxValue, 3, 4)), 0, 0, []),
            1 => new SockTupleModel(SocketFamily.Inet6, new(V6(), (ushort)Pick(0, ushort.MaxValue, 1, 2)), new(V6(), (ushort)Pick(0, ushort.MaxValue, 3, 4)), 0, 0, []),
            2 => new SockTupleModel(SocketFamily.Unix, default, default, (ulong)_random.NextInt64(), ulong.MaxValue, Text()),
            _ => new SockTupleModel(OtherFamily(), default, default, 0, 0, RandomBytes(40)),
        };
    }

    private SocketFamily OtherFamily()
    {
        byte family;
        do
        {
            family = (byte)_random.Next(256);
        }
        while (family is 1 or 2 or 10);
        return (SocketFamily)family;
    }

    private FdListEntry[] MakeFdList()
    {
        int count = _seed == 0 ? 0 : _seed == 1 ? 500 : _random.Next(0, 6);
        return Enumerable.Range(0, count)
            .Select(i => new FdListEntry(i % 2 == 0 ? (long)Pick(0, long.MaxValue, -1, long.MinValue) : i, (ushort)Pick(0, ushort.MaxValue, 1, 4)))
            .ToArray();
    }

    private StringListModel StringList(bool pairs)
    {
        int count = _seed == 0 ? 0 : _seed == 1 ? 40 : _random.Next(0, 5);
        if (pairs)
        {
            count *= 2;
        }

        // One long string at most: a list must fit its 2-byte length.
        byte[][] items = Enumerable.Range(0, count)
            .Select(i => _seed == 1 ? (i == 0 ? LongPath : Encoding.UTF8.GetBytes("item" + i)) : Text())
            .Select(item => item.Length > 1000 && _seed != 1 ? item.AsSpan(0, 1000).ToArray() : item)
            .ToArray();
        byte[] encoded = items.SelectMany(item => item.Append((byte)0)).ToArray();
        return new StringListModel(items, encoded);
    }

    private DynamicModel MakeDynamic(ParamInfo p)
    {
        byte index = (byte)(_seed == 0 ? 0 : _seed == 1 ? p.DynamicShapes.Count - 1 : _random.Next(p.DynamicShapes.Count));
        ParamInfo shape = p.DynamicShapes[index];
        byte[] value = shape.FixedSize > 0
            ? RandomBytes(shape.FixedSize, exact: true)
            : AccessorNames.IsText(shape.Type) ? [.. Text(), 0] : Bytes();
        return new DynamicModel(index, value);
    }

    private byte[] RandomBytes(int max, bool exact = false)
    {
        byte[] bytes = new byte[exact ? max : _random.Next(0, max)];
        _random.NextBytes(bytes);
        return bytes;
    }
}

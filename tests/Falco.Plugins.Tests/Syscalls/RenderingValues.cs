using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Syscalls;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>
/// Deterministic events of any code, built from the table: well-formed values of each
/// parameter's type (seed 0: zeros and empty values; seed 1: maximums and long values; other
/// seeds: random among edges and ordinary values), or arbitrary bytes where values should be.
/// </summary>
internal sealed class RenderingValues
{
    private static readonly byte[] LongText = Encoding.UTF8.GetBytes("/" + string.Join("/", Enumerable.Repeat("a-rather-long-directory-name", 140)));

    private readonly Random _random;
    private readonly int _seed;

    public RenderingValues(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
    }

    /// <summary>An event of <paramref name="info"/>'s code whose every parameter is a well-formed value of its type.</summary>
    public byte[] WellFormed(EventInfo info) =>
        Layout((ushort)info.Code, 1, 2, info.HasLargePayload, info.Parameters.Select(Value).ToArray());

    /// <summary>An event of <paramref name="info"/>'s code with some of its parameters, each arbitrary bytes of arbitrary length.</summary>
    public byte[] Arbitrary(EventInfo info)
    {
        int count = _random.Next(info.ParamCount + 1);
        byte[][] values = Enumerable.Range(0, count).Select(_ => RandomBytes(_random.Next(0, 48))).ToArray();
        return Layout((ushort)info.Code, 1, 2, info.HasLargePayload, values);
    }

    private byte[] Value(ParamInfo p) => p.Type switch
    {
        ParamType.CharBuf or ParamType.FsPath or ParamType.FsRelPath => [.. Text(), 0],
        ParamType.ByteBuf => RandomBytes(_seed == 0 ? 1 : _seed == 1 ? 20_000 : _random.Next(1, 2000)),
        ParamType.SockAddr => SockAddr(),
        ParamType.SockTuple => SockTuple(),
        ParamType.FdList => FdList(),
        ParamType.CharBufArray => Strings(_seed == 0 ? 1 : _random.Next(1, 6)),
        ParamType.CharBufPairArray => Strings(2 * (_seed == 0 ? 1 : _random.Next(1, 4))),
        ParamType.IPAddr => Fixed(_seed == 1 || _random.Next(2) == 0 ? 16 : 4),
        ParamType.IPNet => Fixed(_seed == 1 || _random.Next(2) == 0 ? 32 : 8),
        ParamType.Dyn => Dynamic(p),
        _ => Fixed(p.FixedSize),
    };

    /// <summary>Any bytes form a value of a fixed-size type: zeros, all ones, or random.</summary>
    private byte[] Fixed(int size)
    {
        Assert.True(size > 0, "a fixed-size type");
        byte[] bytes = new byte[size];
        if (_seed == 1)
        {
            bytes.AsSpan().Fill(0xff);
        }
        else if (_seed > 1)
        {
            _random.NextBytes(bytes);
        }

        return bytes;
    }

    /// <summary>A C string's bytes without the NUL: empty, long, UTF-8, control characters, invalid UTF-8.</summary>
    private byte[] Text() => (_seed, _random.Next(5)) switch
    {
        (0, _) => [],
        (1, _) => LongText,
        (_, 0) => [],
        (_, 1) => Encoding.UTF8.GetBytes("/tmp/ünïcödé/файл\n\t" + _random.Next()),
        (_, 2) => Enumerable.Range(0, _random.Next(1, 300)).Select(_ => (byte)_random.Next(1, 256)).ToArray(),
        _ => Encoding.UTF8.GetBytes("/usr/bin/x" + _random.Next()),
    };

    private byte[] SockAddr() => (_seed < 2 ? _seed : _random.Next(4)) switch
    {
        0 => [2, .. Fixed(6)],
        1 => [10, .. Fixed(18)],
        2 => [1, .. Text(), 0],
        _ => [(byte)_random.Next(11, 256), .. RandomBytes(_random.Next(0, 40))],
    };

    private byte[] SockTuple() => (_seed < 2 ? _seed : _random.Next(5)) switch
    {
        0 => [2, .. Fixed(12)],
        1 => [10, .. Fixed(36)],
        2 => [1, .. Fixed(16), .. Text(), 0],
        3 => [10, .. Mapped(), .. Fixed(2), .. Mapped(), .. Fixed(2)],
        _ => [(byte)_random.Next(11, 256), .. RandomBytes(_random.Next(0, 40))],
    };

    private byte[] Mapped() => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, .. Fixed(4)];

    private byte[] FdList()
    {
        int count = _seed == 0 ? 0 : _seed == 1 ? 500 : _random.Next(0, 6);
        return [.. U16((ushort)count), .. Enumerable.Range(0, count).SelectMany(_ => Fixed(10))];
    }

    private byte[] Strings(int count) => Enumerable.Range(0, count).SelectMany(_ => Text().Take(1000).Append((byte)0)).ToArray();

    private byte[] Dynamic(ParamInfo p)
    {
        IReadOnlyList<ParamInfo> shapes = p.DynamicShapes;
        byte index = (byte)(_seed == 0 ? 0 : _seed == 1 ? shapes.Count - 1 : _random.Next(shapes.Count));
        return [index, .. Value(shapes[index])];
    }

    private byte[] RandomBytes(int length)
    {
        byte[] bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}

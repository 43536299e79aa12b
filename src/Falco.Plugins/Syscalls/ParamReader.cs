using System;
using System.Buffers.Binary;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// Reads typed values out of one parameter's bytes. Every reader returns false, with a default
/// value, when the bytes are empty (an absent parameter) or do not form a value of the type.
/// </summary>
internal static class ParamReader
{
    public static bool TryInt8(ReadOnlySpan<byte> p, out sbyte value)
    {
        bool ok = p.Length == 1;
        value = ok ? (sbyte)p[0] : default;
        return ok;
    }

    public static bool TryUInt8(ReadOnlySpan<byte> p, out byte value)
    {
        bool ok = p.Length == 1;
        value = ok ? p[0] : default;
        return ok;
    }

    public static bool TryInt16(ReadOnlySpan<byte> p, out short value)
    {
        bool ok = p.Length == 2;
        value = ok ? BinaryPrimitives.ReadInt16LittleEndian(p) : default;
        return ok;
    }

    public static bool TryUInt16(ReadOnlySpan<byte> p, out ushort value)
    {
        bool ok = p.Length == 2;
        value = ok ? BinaryPrimitives.ReadUInt16LittleEndian(p) : default;
        return ok;
    }

    public static bool TryInt32(ReadOnlySpan<byte> p, out int value)
    {
        bool ok = p.Length == 4;
        value = ok ? BinaryPrimitives.ReadInt32LittleEndian(p) : default;
        return ok;
    }

    public static bool TryUInt32(ReadOnlySpan<byte> p, out uint value)
    {
        bool ok = p.Length == 4;
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(p) : default;
        return ok;
    }

    public static bool TryInt64(ReadOnlySpan<byte> p, out long value)
    {
        bool ok = p.Length == 8;
        value = ok ? BinaryPrimitives.ReadInt64LittleEndian(p) : default;
        return ok;
    }

    public static bool TryUInt64(ReadOnlySpan<byte> p, out ulong value)
    {
        bool ok = p.Length == 8;
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(p) : default;
        return ok;
    }

    public static bool TryDouble(ReadOnlySpan<byte> p, out double value)
    {
        bool ok = p.Length == 8;
        value = ok ? BinaryPrimitives.ReadDoubleLittleEndian(p) : default;
        return ok;
    }

    public static bool TryBool(ReadOnlySpan<byte> p, out bool value)
    {
        bool ok = TryUInt32(p, out uint raw);
        value = raw != 0;
        return ok;
    }

    public static bool TryRelativeTime(ReadOnlySpan<byte> p, out RelativeTime value)
    {
        bool ok = TryUInt64(p, out ulong raw);
        value = new RelativeTime(raw);
        return ok;
    }

    public static bool TryAbsoluteTime(ReadOnlySpan<byte> p, out AbsoluteTime value)
    {
        bool ok = TryUInt64(p, out ulong raw);
        value = new AbsoluteTime(raw);
        return ok;
    }

    public static bool TrySignalSet(ReadOnlySpan<byte> p, out SignalSet value)
    {
        bool ok = TryUInt32(p, out uint raw);
        value = new SignalSet(raw);
        return ok;
    }

    public static bool TryFlags8(ReadOnlySpan<byte> p, FlagTable? table, out FlagValue value)
    {
        bool ok = TryUInt8(p, out byte raw);
        value = ok ? new FlagValue(raw, table) : default;
        return ok;
    }

    public static bool TryFlags16(ReadOnlySpan<byte> p, FlagTable? table, out FlagValue value)
    {
        bool ok = TryUInt16(p, out ushort raw);
        value = ok ? new FlagValue(raw, table) : default;
        return ok;
    }

    public static bool TryFlags32(ReadOnlySpan<byte> p, FlagTable? table, out FlagValue value)
    {
        bool ok = TryUInt32(p, out uint raw);
        value = ok ? new FlagValue(raw, table) : default;
        return ok;
    }

    /// <summary>A NUL-terminated string: the bytes before the first NUL; false when there is no NUL.</summary>
    public static bool TryString(ReadOnlySpan<byte> p, out ReadOnlySpan<byte> value) => Utf8Strings.TryReadTerminated(p, out value);

    /// <summary>Raw bytes: any non-empty run.</summary>
    public static bool TryBytes(ReadOnlySpan<byte> p, out ReadOnlySpan<byte> value)
    {
        value = p;
        return !p.IsEmpty;
    }

    public static bool TryCharBufArray(ReadOnlySpan<byte> p, out CharBufArray value)
    {
        value = new CharBufArray(p);
        return !p.IsEmpty;
    }

    public static bool TryCharBufPairArray(ReadOnlySpan<byte> p, out CharBufPairArray value)
    {
        value = new CharBufPairArray(p);
        return !p.IsEmpty;
    }

    public static bool TrySockAddr(ReadOnlySpan<byte> p, out SockAddr value) => SockAddr.TryRead(p, out value);

    public static bool TrySockTuple(ReadOnlySpan<byte> p, out SockTuple value) => SockTuple.TryRead(p, out value);

    public static bool TryFdList(ReadOnlySpan<byte> p, out FdList value) => FdList.TryRead(p, out value);

    public static bool TryDynamic(ReadOnlySpan<byte> p, ParamInfo[] shapes, out DynamicValue value) => DynamicValue.TryRead(p, shapes, out value);

    public static bool TryIPv4Address(ReadOnlySpan<byte> p, out IPv4Address value)
    {
        bool ok = p.Length == IPv4Address.Size;
        value = ok ? IPv4Address.Read(p) : default;
        return ok;
    }

    public static bool TryIPv6Address(ReadOnlySpan<byte> p, out IPv6Address value)
    {
        bool ok = p.Length == IPv6Address.Size;
        value = ok ? IPv6Address.Read(p) : default;
        return ok;
    }

    /// <summary>An IPv4 (4 bytes) or IPv6 (16 bytes) address.</summary>
    public static bool TryIPAddress(ReadOnlySpan<byte> p, out IPAddressValue value)
    {
        value = p.Length switch
        {
            IPv4Address.Size => IPv4Address.Read(p),
            IPv6Address.Size => IPv6Address.Read(p),
            _ => default,
        };
        return p.Length is IPv4Address.Size or IPv6Address.Size;
    }

    public static bool TryIPv4Network(ReadOnlySpan<byte> p, out IPv4Network value)
    {
        bool ok = p.Length == IPv4Network.Size;
        value = ok ? IPv4Network.Read(p) : default;
        return ok;
    }

    public static bool TryIPv6Network(ReadOnlySpan<byte> p, out IPv6Network value)
    {
        bool ok = p.Length == IPv6Network.Size;
        value = ok ? IPv6Network.Read(p) : default;
        return ok;
    }

    /// <summary>An IPv4 (8 bytes) or IPv6 (32 bytes) network.</summary>
    public static bool TryIPNetwork(ReadOnlySpan<byte> p, out IPNetworkValue value)
    {
        value = p.Length switch
        {
            IPv4Network.Size => new IPNetworkValue(IPv4Network.Read(p)),
            IPv6Network.Size => new IPNetworkValue(IPv6Network.Read(p)),
            _ => default,
        };
        return p.Length is IPv4Network.Size or IPv6Network.Size;
    }
}

using System;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// One parameter of an event read through the schema (<see cref="SyscallEvent.GetParameter"/>):
/// its description and its bytes, with typed getters. A getter returns false, and a default
/// value, when the parameter is absent (empty) or its bytes do not form a value of the getter's
/// type; getters look at the bytes, not at <see cref="ParamInfo.Type"/>, so pick the one that
/// matches the type.
/// </summary>
public readonly ref struct SyscallParameter
{
    /// <summary>A parameter of the given description over the given bytes.</summary>
    public SyscallParameter(ParamInfo? info, ReadOnlySpan<byte> bytes)
    {
        Info = info;
        Bytes = bytes;
    }

    /// <summary>The description; <see langword="null"/> only for a default instance or a dynamic value built without a shape.</summary>
    public ParamInfo? Info { get; }

    /// <summary>The parameter's bytes as the event carries them; empty when absent.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>
    /// Whether the event carries a value: false beyond the event's parameter count and for a
    /// zero-length parameter (libscap's encoding of a value it could not read or a NULL string).
    /// </summary>
    public bool IsPresent => !Bytes.IsEmpty;

    /// <summary>Reads a 1-byte signed integer (<c>PT_INT8</c>).</summary>
    public bool TryGetInt8(out sbyte value) => ParamReader.TryInt8(Bytes, out value);

    /// <summary>Reads a 2-byte signed integer (<c>PT_INT16</c>).</summary>
    public bool TryGetInt16(out short value) => ParamReader.TryInt16(Bytes, out value);

    /// <summary>Reads a 4-byte signed integer (<c>PT_INT32</c>, <c>PT_FD32</c>, <c>PT_PID32</c>).</summary>
    public bool TryGetInt32(out int value) => ParamReader.TryInt32(Bytes, out value);

    /// <summary>Reads an 8-byte signed integer (<c>PT_INT64</c>, <c>PT_ERRNO</c>, <c>PT_FD</c>, <c>PT_PID</c>).</summary>
    public bool TryGetInt64(out long value) => ParamReader.TryInt64(Bytes, out value);

    /// <summary>Reads a 1-byte unsigned integer (<c>PT_UINT8</c>, <c>PT_SIGTYPE</c>, <c>PT_L4PROTO</c>, <c>PT_SOCKFAMILY</c>).</summary>
    public bool TryGetUInt8(out byte value) => ParamReader.TryUInt8(Bytes, out value);

    /// <summary>Reads a 2-byte unsigned integer (<c>PT_UINT16</c>, <c>PT_SYSCALLID</c>, <c>PT_PORT</c>).</summary>
    public bool TryGetUInt16(out ushort value) => ParamReader.TryUInt16(Bytes, out value);

    /// <summary>Reads a 4-byte unsigned integer (<c>PT_UINT32</c>, <c>PT_UID</c>, <c>PT_GID</c>).</summary>
    public bool TryGetUInt32(out uint value) => ParamReader.TryUInt32(Bytes, out value);

    /// <summary>Reads an 8-byte unsigned integer (<c>PT_UINT64</c>).</summary>
    public bool TryGetUInt64(out ulong value) => ParamReader.TryUInt64(Bytes, out value);

    /// <summary>Reads an 8-byte floating-point number (<c>PT_DOUBLE</c>).</summary>
    public bool TryGetDouble(out double value) => ParamReader.TryDouble(Bytes, out value);

    /// <summary>Reads a boolean stored in 4 bytes (<c>PT_BOOL</c>).</summary>
    public bool TryGetBool(out bool value) => ParamReader.TryBool(Bytes, out value);

    /// <summary>Reads a duration (<c>PT_RELTIME</c>).</summary>
    public bool TryGetRelativeTime(out RelativeTime value) => ParamReader.TryRelativeTime(Bytes, out value);

    /// <summary>Reads a time since the epoch (<c>PT_ABSTIME</c>).</summary>
    public bool TryGetAbsoluteTime(out AbsoluteTime value) => ParamReader.TryAbsoluteTime(Bytes, out value);

    /// <summary>Reads a set of signals (<c>PT_SIGSET</c>).</summary>
    public bool TryGetSignalSet(out SignalSet value) => ParamReader.TrySignalSet(Bytes, out value);

    /// <summary>
    /// Reads a flags, mode or enumeration value with the parameter's table; its width comes from
    /// <see cref="ParamInfo.Type"/> (1, 2 or 4 bytes), or from the length without a description.
    /// </summary>
    public bool TryGetFlags(out FlagValue value)
    {
        FlagTable? table = Info?.FlagTable;
        int width = Info is null ? Bytes.Length : Info.FixedSize;
        return width switch
        {
            1 => ParamReader.TryFlags8(Bytes, table, out value),
            2 => ParamReader.TryFlags16(Bytes, table, out value),
            4 => ParamReader.TryFlags32(Bytes, table, out value),
            _ => Fail(out value),
        };
    }

    /// <summary>Reads a NUL-terminated string (<c>PT_CHARBUF</c>, <c>PT_FSPATH</c>, <c>PT_FSRELPATH</c>): the UTF-8 before the first NUL.</summary>
    public bool TryGetString(out ReadOnlySpan<byte> value) => ParamReader.TryString(Bytes, out value);

    /// <summary>Reads raw bytes (<c>PT_BYTEBUF</c>).</summary>
    public bool TryGetBytes(out ReadOnlySpan<byte> value) => ParamReader.TryBytes(Bytes, out value);

    /// <summary>Reads a socket address (<c>PT_SOCKADDR</c>).</summary>
    public bool TryGetSockAddr(out SockAddr value) => ParamReader.TrySockAddr(Bytes, out value);

    /// <summary>Reads a socket tuple (<c>PT_SOCKTUPLE</c>).</summary>
    public bool TryGetSockTuple(out SockTuple value) => ParamReader.TrySockTuple(Bytes, out value);

    /// <summary>Reads a list of file descriptors (<c>PT_FDLIST</c>).</summary>
    public bool TryGetFdList(out FdList value) => ParamReader.TryFdList(Bytes, out value);

    /// <summary>Reads NUL-terminated strings (<c>PT_CHARBUFARRAY</c>).</summary>
    public bool TryGetCharBufArray(out CharBufArray value) => ParamReader.TryCharBufArray(Bytes, out value);

    /// <summary>Reads pairs of NUL-terminated strings (<c>PT_CHARBUF_PAIR_ARRAY</c>).</summary>
    public bool TryGetCharBufPairArray(out CharBufPairArray value) => ParamReader.TryCharBufPairArray(Bytes, out value);

    /// <summary>Reads a dynamic value (<c>PT_DYN</c>) with the parameter's shapes.</summary>
    public bool TryGetDynamic(out DynamicValue value)
    {
        if (Info is null)
        {
            value = default;
            return false;
        }

        return ParamReader.TryDynamic(Bytes, Info.DynamicShapesArray, out value);
    }

    /// <summary>Reads an IPv4 address (<c>PT_IPV4ADDR</c>).</summary>
    public bool TryGetIPv4Address(out IPv4Address value) => ParamReader.TryIPv4Address(Bytes, out value);

    /// <summary>Reads an IPv6 address (<c>PT_IPV6ADDR</c>).</summary>
    public bool TryGetIPv6Address(out IPv6Address value) => ParamReader.TryIPv6Address(Bytes, out value);

    /// <summary>Reads an IPv4 or IPv6 address (<c>PT_IPADDR</c>).</summary>
    public bool TryGetIPAddress(out IPAddressValue value) => ParamReader.TryIPAddress(Bytes, out value);

    /// <summary>Reads an IPv4 network (<c>PT_IPV4NET</c>).</summary>
    public bool TryGetIPv4Network(out IPv4Network value) => ParamReader.TryIPv4Network(Bytes, out value);

    /// <summary>Reads an IPv6 network (<c>PT_IPV6NET</c>).</summary>
    public bool TryGetIPv6Network(out IPv6Network value) => ParamReader.TryIPv6Network(Bytes, out value);

    /// <summary>Reads an IPv4 or IPv6 network (<c>PT_IPNET</c>).</summary>
    public bool TryGetIPNetwork(out IPNetworkValue value) => ParamReader.TryIPNetwork(Bytes, out value);

    private static bool Fail(out FlagValue value)
    {
        value = default;
        return false;
    }
}

using System;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>The <see cref="SyscallParameter"/> getter of each parameter type, to read a parameter whatever its type.</summary>
internal static class ParameterGetters
{
    /// <summary>Whether the parameter's bytes read as a value of <paramref name="type"/> (a dynamic one: of the shape it selects).</summary>
    public static bool TryRead(SyscallParameter p, ParamType type) => type switch
    {
        ParamType.Int8 => p.TryGetInt8(out _),
        ParamType.Int16 => p.TryGetInt16(out _),
        ParamType.Int32 or ParamType.Fd32 or ParamType.Pid32 => p.TryGetInt32(out _),
        ParamType.Int64 or ParamType.Errno or ParamType.Fd or ParamType.Pid => p.TryGetInt64(out _),
        ParamType.UInt8 or ParamType.SigType or ParamType.L4Proto or ParamType.SockFamily => p.TryGetUInt8(out _),
        ParamType.UInt16 or ParamType.SyscallId or ParamType.Port => p.TryGetUInt16(out _),
        ParamType.UInt32 or ParamType.Uid or ParamType.Gid => p.TryGetUInt32(out _),
        ParamType.UInt64 => p.TryGetUInt64(out _),
        ParamType.Double => p.TryGetDouble(out _),
        ParamType.Bool => p.TryGetBool(out _),
        ParamType.RelTime => p.TryGetRelativeTime(out _),
        ParamType.AbsTime => p.TryGetAbsoluteTime(out _),
        ParamType.SigSet => p.TryGetSignalSet(out _),
        ParamType.Flags8 or ParamType.Flags16 or ParamType.Flags32 or ParamType.Mode
            or ParamType.EnumFlags8 or ParamType.EnumFlags16 or ParamType.EnumFlags32 => p.TryGetFlags(out _),
        ParamType.CharBuf or ParamType.FsPath or ParamType.FsRelPath => p.TryGetString(out _),
        ParamType.ByteBuf => p.TryGetBytes(out _),
        ParamType.SockAddr => p.TryGetSockAddr(out _),
        ParamType.SockTuple => p.TryGetSockTuple(out _),
        ParamType.FdList => p.TryGetFdList(out _),
        ParamType.CharBufArray => p.TryGetCharBufArray(out _),
        ParamType.CharBufPairArray => p.TryGetCharBufPairArray(out _),
        ParamType.IPv4Addr => p.TryGetIPv4Address(out _),
        ParamType.IPv6Addr => p.TryGetIPv6Address(out _),
        ParamType.IPAddr => p.TryGetIPAddress(out _),
        ParamType.IPv4Net => p.TryGetIPv4Network(out _),
        ParamType.IPv6Net => p.TryGetIPv6Network(out _),
        ParamType.IPNet => p.TryGetIPNetwork(out _),
        ParamType.Dyn => p.TryGetDynamic(out DynamicValue value) && value.Shape is { } shape && TryRead(value.Value, shape.Type),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "a parameter type the SDK does not read"),
    };
}

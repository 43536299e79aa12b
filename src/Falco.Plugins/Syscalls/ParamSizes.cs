namespace Falco.Plugins.Syscalls;

/// <summary>The sizes of fixed-size parameter types, as libscap writes them.</summary>
internal static class ParamSizes
{
    /// <summary>The size in bytes of a value of <paramref name="type"/>, or 0 when the size varies.</summary>
    public static int FixedSize(ParamType type) => type switch
    {
        ParamType.Int8 or ParamType.UInt8 or ParamType.Flags8 or ParamType.EnumFlags8
            or ParamType.SigType or ParamType.L4Proto or ParamType.SockFamily => 1,
        ParamType.Int16 or ParamType.UInt16 or ParamType.Flags16 or ParamType.EnumFlags16
            or ParamType.SyscallId or ParamType.Port => 2,
        ParamType.Int32 or ParamType.UInt32 or ParamType.Flags32 or ParamType.EnumFlags32
            or ParamType.Uid or ParamType.Gid or ParamType.Mode or ParamType.SigSet or ParamType.Bool
            or ParamType.Fd32 or ParamType.Pid32 or ParamType.IPv4Addr => 4,
        ParamType.Int64 or ParamType.UInt64 or ParamType.Errno or ParamType.Fd or ParamType.Pid
            or ParamType.RelTime or ParamType.AbsTime or ParamType.Double => 8,
        ParamType.IPv4Net => IPv4Network.Size,
        ParamType.IPv6Addr => IPv6Address.Size,
        ParamType.IPv6Net => IPv6Network.Size,
        _ => 0,
    };
}

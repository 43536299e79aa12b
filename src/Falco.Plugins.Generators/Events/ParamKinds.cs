using System.Collections.Generic;

namespace Falco.Plugins.Generators.Events;

/// <summary>
/// The C# shape of every <c>PT_*</c> type, keyed by its libscap name (the schema's
/// <c>param_types</c> give the numbers). Integers keep their width and sign; fds, pids and
/// errnos are 64-bit signed like in libscap; flags read as <c>FlagValue</c> and are written as
/// their raw number of the type's width.
/// </summary>
internal static class ParamKinds
{
    private const string Span = "global::System.ReadOnlySpan<byte>";

    private static readonly Dictionary<string, ParamKind> Kinds = new()
    {
        ["PT_INT8"] = Scalar("sbyte", "Int8"),
        ["PT_INT16"] = Scalar("short", "Int16"),
        ["PT_INT32"] = Scalar("int", "Int32"),
        ["PT_INT64"] = Scalar("long", "Int64"),
        ["PT_UINT8"] = Scalar("byte", "UInt8"),
        ["PT_UINT16"] = Scalar("ushort", "UInt16"),
        ["PT_UINT32"] = Scalar("uint", "UInt32"),
        ["PT_UINT64"] = Scalar("ulong", "UInt64"),
        ["PT_CHARBUF"] = new(Span, "TryString", ReaderInput.Bytes, Span, "WriteString", IsText: true),
        ["PT_FSPATH"] = new(Span, "TryString", ReaderInput.Bytes, Span, "WriteString", IsText: true),
        ["PT_FSRELPATH"] = new(Span, "TryString", ReaderInput.Bytes, Span, "WriteString", IsText: true),
        ["PT_BYTEBUF"] = new(Span, "TryBytes", ReaderInput.Bytes, Span, "WriteBytes"),
        ["PT_ERRNO"] = Scalar("long", "Int64"),
        ["PT_SOCKADDR"] = Value("SockAddr"),
        ["PT_SOCKTUPLE"] = Value("SockTuple"),
        ["PT_FD"] = Scalar("long", "Int64"),
        ["PT_PID"] = Scalar("long", "Int64"),
        ["PT_FDLIST"] = Value("FdList"),
        ["PT_SYSCALLID"] = Scalar("ushort", "UInt16"),
        ["PT_SIGTYPE"] = Scalar("byte", "UInt8"),
        ["PT_RELTIME"] = Value("RelativeTime"),
        ["PT_ABSTIME"] = Value("AbsoluteTime"),
        ["PT_PORT"] = Scalar("ushort", "UInt16"),
        ["PT_L4PROTO"] = Scalar("byte", "UInt8"),
        ["PT_SOCKFAMILY"] = Scalar("byte", "UInt8"),
        ["PT_BOOL"] = Scalar("bool", "Bool"),
        ["PT_IPV4ADDR"] = Value("IPv4Address"),
        ["PT_DYN"] = new("DynamicValue", "TryDynamic", ReaderInput.Shapes, "DynamicValue", "WriteDynamic"),
        ["PT_FLAGS8"] = Flags("Flags8", "byte", "UInt8"),
        ["PT_FLAGS16"] = Flags("Flags16", "ushort", "UInt16"),
        ["PT_FLAGS32"] = Flags("Flags32", "uint", "UInt32"),
        ["PT_UID"] = Scalar("uint", "UInt32"),
        ["PT_GID"] = Scalar("uint", "UInt32"),
        ["PT_DOUBLE"] = Scalar("double", "Double"),
        ["PT_SIGSET"] = Value("SignalSet"),
        ["PT_CHARBUFARRAY"] = Value("CharBufArray"),
        ["PT_CHARBUF_PAIR_ARRAY"] = Value("CharBufPairArray"),
        ["PT_IPV4NET"] = Value("IPv4Network"),
        ["PT_IPV6ADDR"] = Value("IPv6Address"),
        ["PT_IPV6NET"] = Value("IPv6Network"),
        ["PT_IPADDR"] = new("IPAddressValue", "TryIPAddress", ReaderInput.Bytes, "IPAddressValue", "WriteIPAddress"),
        ["PT_IPNET"] = new("IPNetworkValue", "TryIPNetwork", ReaderInput.Bytes, "IPNetworkValue", "WriteIPNetwork"),
        ["PT_MODE"] = Flags("Flags32", "uint", "UInt32"),
        ["PT_ENUMFLAGS8"] = Flags("Flags8", "byte", "UInt8"),
        ["PT_ENUMFLAGS16"] = Flags("Flags16", "ushort", "UInt16"),
        ["PT_ENUMFLAGS32"] = Flags("Flags32", "uint", "UInt32"),
        ["PT_FD32"] = Scalar("int", "Int32"),
        ["PT_PID32"] = Scalar("int", "Int32"),
    };

    /// <summary>The shape of <paramref name="typeName"/> (a <c>PT_*</c> name); false for types the SDK cannot represent.</summary>
    public static bool TryGet(string typeName, out ParamKind kind) => Kinds.TryGetValue(typeName, out kind!);

    /// <summary>Whether the names of <paramref name="typeName"/>'s values match exactly (enumerations) rather than as bits.</summary>
    public static bool IsEnumeration(string typeName) => typeName.StartsWith("PT_ENUMFLAGS", System.StringComparison.Ordinal);

    private static ParamKind Scalar(string type, string name) => new(type, "Try" + name, ReaderInput.Bytes, type, "Write" + name);

    private static ParamKind Value(string type) => new(type, "Try" + type, ReaderInput.Bytes, type, "Write" + type);

    private static ParamKind Flags(string reader, string rawType, string writer) =>
        new("FlagValue", "Try" + reader, ReaderInput.FlagTable, rawType, "Write" + writer);
}

using System;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// What the malformed-event harness does with every value it reads: uses all of it (walks
/// lists, renders names and addresses) and checks that an accessor and its <c>TryGet</c> agree:
/// a failed <c>TryGet</c> gives the default value, and so does the accessor.
/// </summary>
public static class Touch
{
    public static int Read(bool quiet, bool loud, string? error)
    {
        Require(quiet == loud, "the two TryRead overloads disagree");
        Require(loud == (error is null), "an error comes with every failure and only then");
        return quiet ? 1 : 0;
    }

    public static int Header(ulong timestamp, ulong threadId, int paramCount) => (int)((timestamp ^ threadId) & 1) + paramCount;

    public static int Scalar<T>(T property, bool found, T tried)
        where T : IEquatable<T>
    {
        Require(property.Equals(tried), "the accessor and TryGet differ");
        Require(found || tried.Equals(default!), "a failed TryGet gave a value");
        return found ? 1 : 0;
    }

    public static int Flags(FlagValue property, bool found, FlagValue tried)
    {
        Require(property == tried, "the accessor and TryGet differ");
        Require(found || tried == default, "a failed TryGet gave a value");
        Span<char> text = stackalloc char[512];
        property.TryFormat(text, out int written);
        return written + property.ToString().Length + (found ? 1 : 0);
    }

    public static int Text(ReadOnlySpan<byte> property, bool found, ReadOnlySpan<byte> tried, string? text)
    {
        Require(property == tried || property.SequenceEqual(tried), "the accessor and TryGet differ");
        Require(found || (tried.IsEmpty && text is null), "a failed TryGet gave a value");
        Require(!found || text is not null, "the string helper lost a value");
        Require(property.IndexOf((byte)0) < 0, "a string kept a NUL");
        return property.Length + (text?.Length ?? 0);
    }

    public static int Bytes(ReadOnlySpan<byte> property, bool found, ReadOnlySpan<byte> tried)
    {
        Require(property.SequenceEqual(tried), "the accessor and TryGet differ");
        Require(found != tried.IsEmpty, "bytes are present exactly when not empty");
        return Sum(property);
    }

    public static int SockAddr(SockAddr property, bool found, SockAddr tried)
    {
        Require(property.Family == tried.Family && property.EncodedLength == tried.EncodedLength, "the accessor and TryGet differ");
        Require(found || tried.Family == SocketFamily.Unspecified, "a failed TryGet gave a value");
        return property.ToString().Length + Sum(property.UnixPath) + Sum(property.Data) + property.Endpoint.Port + property.Endpoint.Address.Size;
    }

    public static int SockTuple(SockTuple property, bool found, SockTuple tried)
    {
        Require(property.Family == tried.Family && property.EncodedLength == tried.EncodedLength, "the accessor and TryGet differ");
        Require(found || tried.Family == SocketFamily.Unspecified, "a failed TryGet gave a value");
        return property.ToString().Length + Sum(property.UnixPath) + Sum(property.Data) + property.Source.Port + property.Destination.Port
            + (int)(property.SourcePointer ^ property.DestinationPointer);
    }

    public static int FdList(FdList property, bool found, FdList tried)
    {
        Require(property.Count == tried.Count, "the accessor and TryGet differ");
        Require(found || tried.Count == 0, "a failed TryGet gave a value");
        int sum = 0;
        foreach (FdListEntry entry in property)
        {
            sum += (int)entry.Fd + entry.Flags;
        }

        return sum;
    }

    public static int CharBufArray(CharBufArray property, bool found, CharBufArray tried)
    {
        Require(property.Encoded.SequenceEqual(tried.Encoded), "the accessor and TryGet differ");
        Require(found != tried.Encoded.IsEmpty, "a list is present exactly when not empty");
        int sum = property.Count;
        foreach (ReadOnlySpan<byte> item in property)
        {
            Require(item.IndexOf((byte)0) < 0, "a string kept a NUL");
            sum += item.Length;
        }

        return sum + property.ToArray().Length;
    }

    public static int CharBufPairArray(CharBufPairArray property, bool found, CharBufPairArray tried)
    {
        Require(property.Encoded.SequenceEqual(tried.Encoded), "the accessor and TryGet differ");
        Require(found != tried.Encoded.IsEmpty, "a list is present exactly when not empty");
        int sum = property.Count;
        foreach (CharBufPair pair in property)
        {
            sum += pair.Key.Length + pair.Value.Length;
        }

        return sum;
    }

    public static int Dynamic(DynamicValue property, bool found, DynamicValue tried)
    {
        Require(property.Index == tried.Index && property.Bytes.SequenceEqual(tried.Bytes), "the accessor and TryGet differ");
        Require(found == (tried.Shape is not null), "a dynamic value is present exactly when its index selects a shape");
        return found ? Parameter(property.Value) : 0;
    }

    /// <summary>Reads the event through the schema: every parameter with every getter.</summary>
    public static int Generic(EventView view)
    {
        bool quiet = SyscallEvent.TryCreate(view, out SyscallEvent e);
        bool loud = SyscallEvent.TryCreate(view, out _, out string? error);
        int sum = Read(quiet, loud, error);
        if (!quiet)
        {
            return sum;
        }

        sum += Header(e.Timestamp, e.ThreadId, e.ParamCount) + (int)e.Code + e.Raw.Length;
        for (int i = 0; i < e.Info.ParamCount; i++)
        {
            sum += Parameter(e.GetParameter(i));
        }

        return sum;
    }

    /// <summary>Every typed getter of a parameter, whatever its type.</summary>
    public static int Parameter(SyscallParameter p)
    {
        int sum = p.IsPresent ? 1 : 0;
        sum += p.TryGetInt8(out sbyte i8) ? i8 : 0;
        sum += p.TryGetInt16(out short i16) ? i16 : 0;
        sum += p.TryGetInt32(out int i32) ? i32 : 0;
        sum += p.TryGetInt64(out long i64) ? (int)i64 : 0;
        sum += p.TryGetUInt8(out byte u8) ? u8 : 0;
        sum += p.TryGetUInt16(out ushort u16) ? u16 : 0;
        sum += p.TryGetUInt32(out uint u32) ? (int)u32 : 0;
        sum += p.TryGetUInt64(out ulong u64) ? (int)u64 : 0;
        sum += p.TryGetDouble(out double d) && d > 0 ? 1 : 0;
        sum += p.TryGetBool(out bool b) && b ? 1 : 0;
        sum += p.TryGetRelativeTime(out RelativeTime rel) ? (int)rel.ToTimeSpan().Ticks : 0;
        sum += p.TryGetAbsoluteTime(out AbsoluteTime abs) ? abs.ToDateTime().Second : 0;
        sum += p.TryGetSignalSet(out SignalSet signals) ? signals.Count : 0;
        sum += p.TryGetFlags(out FlagValue flags) ? flags.ToString().Length : 0;
        sum += p.TryGetString(out ReadOnlySpan<byte> text) ? text.Length : 0;
        sum += p.TryGetBytes(out ReadOnlySpan<byte> bytes) ? bytes.Length : 0;
        sum += p.TryGetSockAddr(out SockAddr addr) ? addr.ToString().Length : 0;
        sum += p.TryGetSockTuple(out SockTuple tuple) ? tuple.ToString().Length : 0;
        sum += p.TryGetFdList(out FdList fds) ? FdList(fds, true, fds) : 0;
        sum += p.TryGetCharBufArray(out CharBufArray strings) ? strings.Count : 0;
        sum += p.TryGetCharBufPairArray(out CharBufPairArray pairs) ? pairs.Count : 0;
        sum += p.TryGetDynamic(out DynamicValue dynamic) ? Dynamic(dynamic, true, dynamic) : 0;
        sum += p.TryGetIPv4Address(out IPv4Address v4) ? v4.ToString().Length : 0;
        sum += p.TryGetIPv6Address(out IPv6Address v6) ? v6.ToString().Length : 0;
        sum += p.TryGetIPAddress(out IPAddressValue ip) ? ip.ToString().Length : 0;
        sum += p.TryGetIPv4Network(out IPv4Network n4) ? n4.ToString().Length : 0;
        sum += p.TryGetIPv6Network(out IPv6Network n6) ? n6.ToString().Length : 0;
        sum += p.TryGetIPNetwork(out IPNetworkValue net) ? net.ToString().Length : 0;
        return sum;
    }

    private static int Sum(ReadOnlySpan<byte> bytes)
    {
        int sum = 0;
        foreach (byte b in bytes)
        {
            sum += b;
        }

        return sum;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}

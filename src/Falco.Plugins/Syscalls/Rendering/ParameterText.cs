using System;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// One parameter's value as libsinsp's <c>get_param_as_str</c> writes it, followed by what it
/// resolves the value to in parentheses, e.g. <c>-2(ENOENT)</c>. Each type reads its value
/// before writing anything, so a malformed value leaves nothing behind to take back.
/// </summary>
internal static class ParameterText
{
    /// <summary>The parameter is in the table, not in the event (an event of an older version).</summary>
    public const string NotAvailable = "<NA>";

    /// <summary>The event carries the parameter with length 0: libscap's encoding of a value it could not read.</summary>
    public const string Null = "NULL";

    /// <summary>The parameter's bytes do not form a value of its type.</summary>
    public const string Invalid = "<invalid>";

    public static void Append(ref TextBuffer text, SyscallEvent evt, ParamInfo info, EventRenderOptions options)
    {
        if (info.Index >= evt.ParamCount)
        {
            text.Append(NotAvailable);
            return;
        }

        var parameter = new SyscallParameter(info, evt.GetParameterBytes(info.Index));
        if (!parameter.IsPresent)
        {
            text.Append(Null);
            return;
        }

        if (!TryAppendValue(ref text, parameter, info.Type, info.Format, evt.ThreadId, options))
        {
            text.Append(Invalid);
        }
    }

    /// <remarks>A dynamic value is written with its shape's type and the format of the parameter, as libsinsp does.</remarks>
    private static bool TryAppendValue(ref TextBuffer text, SyscallParameter p, ParamType type, PrintFormat format, ulong threadId, EventRenderOptions options)
    {
        switch (type)
        {
            case ParamType.Int8 or ParamType.Int16 or ParamType.Int32 or ParamType.Int64
                or ParamType.UInt8 or ParamType.UInt16 or ParamType.UInt32 or ParamType.UInt64
                or ParamType.L4Proto or ParamType.SockFamily or ParamType.SyscallId or ParamType.Port:
                return IntegerText.TryAppend(ref text, p, type, format);
            case ParamType.Errno or ParamType.Fd or ParamType.Fd32 or ParamType.Pid or ParamType.Pid32
                or ParamType.Uid or ParamType.Gid or ParamType.SigType:
                return ResolvedText.TryAppend(ref text, p, type, threadId, options.Names);
            case ParamType.Flags8 or ParamType.Flags16 or ParamType.Flags32 or ParamType.Mode
                or ParamType.EnumFlags8 or ParamType.EnumFlags16 or ParamType.EnumFlags32 when p.TryGetFlags(out FlagValue flags):
                // Flags print in decimal whatever the table says; modes follow it (octal).
                NumberText.AppendUnsigned(ref text, flags.Value, type == ParamType.Mode ? format : PrintFormat.Decimal);
                ListText.AppendFlagNames(ref text, flags);
                return true;
            case ParamType.CharBuf or ParamType.FsPath or ParamType.FsRelPath when p.TryGetString(out ReadOnlySpan<byte> utf8):
                text.AppendUtf8(utf8);
                return true;
            case ParamType.ByteBuf when p.TryGetBytes(out ReadOnlySpan<byte> bytes):
                BufferText.Append(ref text, bytes, options.MaxBufferLength);
                return true;
            case ParamType.SockAddr when p.TryGetSockAddr(out SockAddr address):
                SocketText.AppendAddress(ref text, address);
                return true;
            case ParamType.SockTuple when p.TryGetSockTuple(out SockTuple tuple):
                SocketText.AppendTuple(ref text, tuple);
                return true;
            case ParamType.FdList when p.TryGetFdList(out FdList list):
                ListText.AppendFdList(ref text, list, threadId, options.Names);
                return true;
            case ParamType.RelTime when p.TryGetRelativeTime(out RelativeTime duration):
                TimeText.AppendRelative(ref text, duration);
                return true;
            case ParamType.AbsTime when p.TryGetAbsoluteTime(out AbsoluteTime time):
                TimeText.AppendAbsolute(ref text, time);
                return true;
            case ParamType.Bool when p.TryGetBool(out bool flag):
                text.Append(flag ? "true" : "false");
                return true;
            case ParamType.Double when p.TryGetDouble(out double number):
                text.Append(number);
                return true;
            case ParamType.SigSet when p.TryGetSignalSet(out SignalSet signals):
                ListText.AppendSignalSet(ref text, signals);
                return true;
            case ParamType.CharBufArray when p.TryGetCharBufArray(out CharBufArray strings):
                ListText.AppendStrings(ref text, strings);
                return true;
            case ParamType.CharBufPairArray when p.TryGetCharBufPairArray(out CharBufPairArray pairs):
                ListText.AppendPairs(ref text, pairs);
                return true;
            case ParamType.Dyn when p.TryGetDynamic(out DynamicValue dynamic) && dynamic.Shape is { Type: not ParamType.Dyn } shape:
                return TryAppendValue(ref text, dynamic.Value, shape.Type, format, threadId, options);
            case ParamType.IPv4Addr or ParamType.IPv6Addr or ParamType.IPAddr
                or ParamType.IPv4Net or ParamType.IPv6Net or ParamType.IPNet:
                return NetworkText.TryAppend(ref text, p, type);
            default:
                return false;
        }
    }
}

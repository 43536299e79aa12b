using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// Writes the C# of the typed harness: for every code of <see cref="EventSchema"/>, a round
/// trip through the code's own view type (Encode, TryWrite, TryRead, every accessor) and a
/// reader that touches every accessor of whatever bytes it is given. Writing it from the
/// runtime schema, with this file's own mapping of parameter types to C# types, checks the
/// generated API against an independent statement of what it should be.
/// </summary>
internal static class HarnessSource
{
    public const string TypeName = "Harness.TypedEvents";

    public static string Write()
    {
        var code = new StringBuilder();
        code.Line("using System;");
        code.Line("using Falco.Plugins;");
        code.Line("using Falco.Plugins.Syscalls;");
        code.Line("using Falco.Plugins.Generators.Tests.TypedEvents;");
        code.Line("namespace Harness;");
        code.Line("public static unsafe class TypedEvents");
        code.Line("{");

        code.Line("    public static void RoundTrip(int code, ParamValues v, ParamChecks c)");
        code.Line("    {");
        code.Line("        switch (code)");
        code.Line("        {");
        foreach (EventInfo info in EventSchema.Events)
        {
            code.Line($"            case {(int)info.Code}: RoundTrip{(int)info.Code}(v, c); break;");
        }

        code.Line("            default: throw new ArgumentOutOfRangeException(nameof(code));");
        code.Line("        }");
        code.Line("    }");

        code.Line("    public static int Read(int code, nint start, int length)");
        code.Line("    {");
        code.Line("        EventView view = EventViews.FromSpan((byte*)start, length);");
        code.Line("        int sum = Touch.Generic(view);");
        code.Line("        switch (code)");
        code.Line("        {");
        foreach (EventInfo info in EventSchema.Events)
        {
            code.Line($"            case {(int)info.Code}: return sum + Read{(int)info.Code}(view);");
        }

        code.Line("            default: throw new ArgumentOutOfRangeException(nameof(code));");
        code.Line("        }");
        code.Line("    }");

        foreach (EventInfo info in EventSchema.Events)
        {
            WriteRoundTrip(code, info);
            WriteRead(code, info);
        }

        code.Line("}");
        return code.ToString();
    }

    private static void WriteRoundTrip(StringBuilder code, EventInfo info)
    {
        string type = info.TypeName;
        string[] members = AccessorNames.For(info);
        List<Mapping> maps = info.Parameters.Select(p => Mapping.Of(p.Type)).ToList();
        string args = string.Concat(Enumerable.Range(0, info.ParamCount).Select(i => $", a{i}"));

        code.Line($"    private static void RoundTrip{(int)info.Code}(ParamValues v, ParamChecks c)");
        code.Line("    {");
        for (int i = 0; i < info.ParamCount; i++)
        {
            code.Line($"        {maps[i].ArgumentType} a{i} = v.{maps[i].Value}({i});");
        }

        code.Line($"        byte[] bytes = {type}.Encode(v.Timestamp, v.ThreadId{args});");
        code.Line("        c.Encoded(bytes);");
        code.Line("        byte[] copy = new byte[bytes.Length];");
        code.Line($"        c.Wrote({type}.TryWrite(copy, v.Timestamp, v.ThreadId{args}, out int written), copy, written);");
        code.Line($"        c.TooSmall({type}.TryWrite(copy.AsSpan(0, bytes.Length - 1), v.Timestamp, v.ThreadId{args}, out int none), none);");
        code.Line("        fixed (byte* p = bytes)");
        code.Line("        {");
        code.Line("            EventView view = EventViews.FromEvent(p);");
        code.Line($"            c.Read({type}.TryRead(view, out {type} e, out string? error), error, {type}.TryRead(view, out _));");
        code.Line("            c.Header(e.Timestamp, e.ThreadId, e.ParamCount);");
        for (int i = 0; i < info.ParamCount; i++)
        {
            string m = members[i];
            string extra = maps[i].Check == "Text" ? $", e.Get{m}String()" : string.Empty;
            code.Line($"            c.{maps[i].Check}({i}, e.{m}, e.TryGet{m}(out {maps[i].ValueType} r{i}), r{i}{extra});");
        }

        string other = EventSchema.Events[((int)info.Code + 1) % EventSchema.Count].TypeName;
        code.Line($"            c.Rejected({other}.TryRead(view, out _));");
        code.Line("        }");
        code.Line("    }");
    }

    private static void WriteRead(StringBuilder code, EventInfo info)
    {
        string type = info.TypeName;
        string[] members = AccessorNames.For(info);
        code.Line($"    private static int Read{(int)info.Code}(EventView view)");
        code.Line("    {");
        code.Line($"        bool quiet = {type}.TryRead(view, out {type} e);");
        code.Line($"        int sum = Touch.Read(quiet, {type}.TryRead(view, out _, out string? error), error);");
        code.Line("        if (!quiet) { return sum; }");
        code.Line("        sum += Touch.Header(e.Timestamp, e.ThreadId, e.ParamCount) + e.Event.Raw.Length;");
        for (int i = 0; i < info.ParamCount; i++)
        {
            Mapping map = Mapping.Of(info.Parameters[i].Type);
            string m = members[i];
            string extra = map.Check == "Text" ? $", e.Get{m}String()" : string.Empty;
            code.Line($"        sum += Touch.{map.Check}(e.{m}, e.TryGet{m}(out {map.ValueType} r{i}), r{i}{extra});");
        }

        code.Line("        return sum;");
        code.Line("    }");
    }

    private static StringBuilder Line(this StringBuilder code, string text) => code.Append(text).Append('\n');

    /// <summary>The C# types the view should use for a parameter type, and the harness methods for it.</summary>
    private sealed record Mapping(string ValueType, string ArgumentType, string Value, string Check)
    {
        private const string Span = "ReadOnlySpan<byte>";

        public static Mapping Of(ParamType type) => type switch
        {
            ParamType.Int8 => Scalar("sbyte", "Int8"),
            ParamType.Int16 => Scalar("short", "Int16"),
            ParamType.Int32 or ParamType.Fd32 or ParamType.Pid32 => Scalar("int", "Int32"),
            ParamType.Int64 or ParamType.Errno or ParamType.Fd or ParamType.Pid => Scalar("long", "Int64"),
            ParamType.UInt8 or ParamType.SigType or ParamType.L4Proto or ParamType.SockFamily => Scalar("byte", "UInt8"),
            ParamType.UInt16 or ParamType.SyscallId or ParamType.Port => Scalar("ushort", "UInt16"),
            ParamType.UInt32 or ParamType.Uid or ParamType.Gid => Scalar("uint", "UInt32"),
            ParamType.UInt64 => Scalar("ulong", "UInt64"),
            ParamType.Double => Scalar("double", "Double"),
            ParamType.Bool => Scalar("bool", "Bool"),
            ParamType.RelTime => Scalar("RelativeTime", "RelTime"),
            ParamType.AbsTime => Scalar("AbsoluteTime", "AbsTime"),
            ParamType.SigSet => Scalar("SignalSet", "SigSet"),
            ParamType.IPv4Addr => Scalar("IPv4Address", "IPv4"),
            ParamType.IPv6Addr => Scalar("IPv6Address", "IPv6"),
            ParamType.IPAddr => Scalar("IPAddressValue", "IPAddr"),
            ParamType.IPv4Net => Scalar("IPv4Network", "IPv4Net"),
            ParamType.IPv6Net => Scalar("IPv6Network", "IPv6Net"),
            ParamType.IPNet => Scalar("IPNetworkValue", "IPNet"),
            ParamType.Flags8 or ParamType.EnumFlags8 => new("FlagValue", "byte", "Flags8", "Flags"),
            ParamType.Flags16 or ParamType.EnumFlags16 => new("FlagValue", "ushort", "Flags16", "Flags"),
            ParamType.Flags32 or ParamType.EnumFlags32 or ParamType.Mode => new("FlagValue", "uint", "Flags32", "Flags"),
            ParamType.CharBuf or ParamType.FsPath or ParamType.FsRelPath => new(Span, Span, "Text", "Text"),
            ParamType.ByteBuf => new(Span, Span, "Bytes", "Bytes"),
            ParamType.SockAddr => Same("SockAddr"),
            ParamType.SockTuple => Same("SockTuple"),
            ParamType.FdList => Same("FdList"),
            ParamType.CharBufArray => Same("CharBufArray"),
            ParamType.CharBufPairArray => Same("CharBufPairArray"),
            ParamType.Dyn => new("DynamicValue", "DynamicValue", "Dynamic", "Dynamic"),
            _ => throw new System.NotSupportedException(type.ToString()),
        };

        private static Mapping Scalar(string type, string value) => new(type, type, value, "Scalar");

        private static Mapping Same(string type) => new(type, type, type, type);
    }
}

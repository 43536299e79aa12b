using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Emitting;

namespace Falco.Plugins.Generators.Events;

/// <summary>
/// Emits the typed view of one event code: a <c>readonly ref struct</c> over a validated
/// <c>SyscallEvent</c> with one accessor (and one <c>TryGet</c>) per parameter, and the
/// encoders <c>Encode</c> and <c>TryWrite</c>.
/// </summary>
internal static class EventViewEmitter
{
    /// <summary>The argument types that are ref structs, which the writer takes as <c>scoped</c>.</summary>
    private static readonly HashSet<string> RefStructs = new()
    {
        "global::System.ReadOnlySpan<byte>", "SockAddr", "SockTuple", "FdList", "CharBufArray", "CharBufPairArray", "DynamicValue",
    };

    public static string Emit(EventModel evt, SchemaTables tables)
    {
        var code = new CodeWriter();
        code.Line(SchemaText.Header).Line(SchemaText.Namespace).Line();
        string lengthSize = evt.LargePayload ? "4" : "2";
        string count = SchemaText.Number(evt.Params.Count);
        string enumName = SchemaText.Xml(evt.EnumName);
        string direction = evt.IsEnter ? "enter" : "exit";

        code.Line("/// <summary>");
        code.Line($"/// The <c>{SchemaText.Xml(evt.Name)}</c> {direction} event, code {SchemaText.Number(evt.Code)} (<c>{enumName}</c>): a zero-copy view over the");
        code.Line("/// event's bytes with one accessor per parameter, and encoders that write the event as libscap does.");
        code.Line("/// </summary>");
        code.Line("/// <remarks>");
        code.Line(evt.Params.Count == 0
            ? "/// The event has no parameters."
            : "/// Parameters: " + string.Join(", ", evt.Params.Select(p => $"<c>{SchemaText.Xml(p.Name)}</c> ({p.TypeName})")) + ".");
        code.Line("/// An accessor returns the type's default value when the event does not carry the parameter (old captures have");
        code.Line("/// fewer parameters; libscap writes a value it could not read with length 0) or its bytes are malformed; the");
        code.Line("/// matching <c>TryGet</c> method tells these cases apart.");
        code.Line("/// </remarks>");
        code.Open($"public readonly ref struct {evt.TypeName}");

        code.Line($"/// <summary>The event code, {SchemaText.Number(evt.Code)}.</summary>");
        code.Line($"public const ushort Code = {SchemaText.Number(evt.Code)};");
        code.Line();
        code.Line("private readonly SyscallEvent _event;");
        code.Line();
        code.Line($"private {evt.TypeName}(SyscallEvent evt) => _event = evt;");
        code.Line();

        EmitTryRead(code, evt, count, lengthSize);
        EmitHeader(code);
        foreach (ParamModel p in evt.Params)
        {
            EmitAccessor(code, evt, p, tables);
        }

        EmitEncoders(code, evt, count, lengthSize);
        code.Close();
        return code.ToString();
    }

    private static void EmitTryRead(CodeWriter code, EventModel evt, string count, string lengthSize)
    {
        code.Line($"/// <summary>Reads <paramref name=\"evt\"/> as a <c>{SchemaText.Xml(evt.EnumName)}</c> event, validating its layout once.</summary>");
        code.Line("/// <param name=\"evt\">The event.</param>");
        code.Line("/// <param name=\"view\">The view; default when the event is rejected.</param>");
        code.Line("/// <returns><see langword=\"false\"/> when the event has another code or is malformed.</returns>");
        code.Open($"public static bool TryRead(EventView evt, out {evt.TypeName} view)");
        code.Line($"bool ok = SyscallEvent.TryCreate(evt, Code, {count}, {lengthSize}, out SyscallEvent e);");
        code.Line($"view = new {evt.TypeName}(e);");
        code.Line("return ok;");
        code.Close();
        code.Line();

        code.Line("/// <inheritdoc cref=\"TryRead(EventView, out " + evt.TypeName + ")\"/>");
        code.Line("/// <param name=\"evt\">The event.</param>");
        code.Line("/// <param name=\"view\">The view; default when the event is rejected.</param>");
        code.Line("/// <param name=\"error\">Why the event was rejected, naming the event and the problem; <see langword=\"null\"/> on success.</param>");
        code.Open($"public static bool TryRead(EventView evt, out {evt.TypeName} view, out string? error)");
        code.Line($"bool ok = SyscallEvent.TryCreate(evt, Code, {count}, {lengthSize}, {SchemaText.Literal(evt.EnumName)}, out SyscallEvent e, out error);");
        code.Line($"view = new {evt.TypeName}(e);");
        code.Line("return ok;");
        code.Close();
        code.Line();
    }

    private static void EmitHeader(CodeWriter code)
    {
        code.Line("/// <summary>The timestamp in nanoseconds since the epoch.</summary>");
        code.Line("public ulong Timestamp => _event.Timestamp;");
        code.Line();
        code.Line("/// <summary>The thread id.</summary>");
        code.Line("public ulong ThreadId => _event.ThreadId;");
        code.Line();
        code.Line("/// <summary>The number of parameters the event carries: the table's count, or fewer in old captures.</summary>");
        code.Line("public int ParamCount => _event.ParamCount;");
        code.Line();
        code.Line("/// <summary>The same event as a generic view: raw bytes, the schema, parameters by index.</summary>");
        code.Line("public SyscallEvent Event => _event;");
        code.Line();
    }

    private static void EmitAccessor(CodeWriter code, EventModel evt, ParamModel p, SchemaTables tables)
    {
        ParamKinds.TryGet(p.TypeName, out ParamKind kind);
        string index = SchemaText.Number(p.Index);
        string bytes = $"_event.GetParameterBytes({index})";
        string extra = kind.Input switch
        {
            ReaderInput.FlagTable => ", " + (tables.FlagTableOf(evt.Code, p.Index) is { } table ? "SchemaTables." + table : "null"),
            ReaderInput.Shapes => ", SchemaTables." + tables.ShapesOf(evt.Code, p.Index),
            _ => string.Empty,
        };
        string read = $"ParamReader.{kind.Reader}({bytes}{extra}, out ";
        string description = $"<c>{SchemaText.Xml(p.Name)}</c> parameter ({p.TypeName}, {p.FormatName}{(p.DirFd >= 0 ? $", relative to parameter {SchemaText.Number(p.DirFd)}" : string.Empty)})";

        code.Line($"/// <summary>The {description}; the default value when absent or malformed (see <see cref=\"TryGet{p.Member}\"/>).</summary>");
        code.Open($"public {kind.ValueType} {p.Member}");
        code.Open("get");
        code.Line($"{read}{kind.ValueType} value);");
        code.Line("return value;");
        code.Close();
        code.Close();
        code.Line();

        code.Line($"/// <summary>Reads the {description}.</summary>");
        code.Line("/// <param name=\"value\">The value; default when the method returns false.</param>");
        code.Line("/// <returns><see langword=\"false\"/> when the event does not carry the parameter or its bytes are malformed.</returns>");
        code.Line($"public bool TryGet{p.Member}(out {kind.ValueType} value) => {read}value);");
        code.Line();

        if (kind.IsText)
        {
            code.Line($"/// <summary>The <c>{SchemaText.Xml(p.Name)}</c> parameter decoded from UTF-8 (allocates); <see langword=\"null\"/> when absent or malformed.</summary>");
            code.Line($"public string? Get{p.Member}String() => {read}global::System.ReadOnlySpan<byte> value) ? global::System.Text.Encoding.UTF8.GetString(value) : null;");
            code.Line();
        }
    }

    private static void EmitEncoders(CodeWriter code, EventModel evt, string count, string lengthSize)
    {
        List<(string Type, string Name, ParamModel Param)> args = evt.Params
            .Select(p => (ParamKinds.TryGet(p.TypeName, out ParamKind kind) ? kind.ArgumentType : "?", p.Argument, p))
            .ToList();
        string declared = string.Concat(args.Select(a => $", {a.Type} {a.Name}"));
        string passed = string.Concat(args.Select(a => ", " + a.Name));

        code.Line($"/// <summary>Encodes a <c>{SchemaText.Xml(evt.EnumName)}</c> event with every parameter, as libscap lays it out.</summary>");
        code.Line("/// <param name=\"timestamp\">The timestamp in nanoseconds since the epoch.</param>");
        code.Line("/// <param name=\"threadId\">The thread id.</param>");
        EmitArgumentDocs(code, args);
        code.Line("/// <returns>The event's bytes.</returns>");
        code.Line("/// <exception cref=\"global::System.ArgumentException\">A value is too long for its length entry.</exception>");
        code.Open($"public static byte[] Encode(ulong timestamp, ulong threadId{declared})");
        code.Line($"EventWriter measure = EventWriter.Measuring(Code, {count}, {lengthSize});");
        code.Line($"WriteParameters(ref measure{passed});");
        code.Line($"byte[] encoded = new byte[EventEncoding.CheckedLength(ref measure, {SchemaText.Literal(evt.EnumName)})];");
        code.Line($"EventWriter writer = new(encoded, Code, {count}, {lengthSize}, timestamp, threadId);");
        code.Line($"WriteParameters(ref writer{passed});");
        code.Line("writer.TryComplete(out _);");
        code.Line("return encoded;");
        code.Close();
        code.Line();

        code.Line($"/// <summary>Writes a <c>{SchemaText.Xml(evt.EnumName)}</c> event with every parameter into <paramref name=\"destination\"/>, without allocating.</summary>");
        code.Line("/// <param name=\"destination\">Where the event goes.</param>");
        code.Line("/// <param name=\"timestamp\">The timestamp in nanoseconds since the epoch.</param>");
        code.Line("/// <param name=\"threadId\">The thread id.</param>");
        EmitArgumentDocs(code, args);
        code.Line("/// <param name=\"written\">The size of the event; 0 on failure.</param>");
        code.Line("/// <returns><see langword=\"false\"/> when the destination is too small or a value is too long for its length entry.</returns>");
        code.Open($"public static bool TryWrite(global::System.Span<byte> destination, ulong timestamp, ulong threadId{declared}, out int written)");
        code.Line($"EventWriter writer = new(destination, Code, {count}, {lengthSize}, timestamp, threadId);");
        code.Line($"WriteParameters(ref writer{passed});");
        code.Line("return writer.TryComplete(out written);");
        code.Close();
        code.Line();

        // scoped: the writer must not keep the caller's spans, whatever it was created over.
        code.Open($"private static void WriteParameters(ref EventWriter writer{string.Concat(args.Select(a => $", {(RefStructs.Contains(a.Type) ? "scoped " : string.Empty)}{a.Type} {a.Name}"))})");
        foreach ((string _, string name, ParamModel p) in args)
        {
            ParamKinds.TryGet(p.TypeName, out ParamKind kind);
            code.Line($"writer.{kind.Writer}({name});");
        }

        code.Close();
    }

    private static void EmitArgumentDocs(CodeWriter code, List<(string Type, string Name, ParamModel Param)> args)
    {
        foreach ((string _, string name, ParamModel p) in args)
        {
            string suffix = p.Flags.Count > 0 ? " (the raw number)" : string.Empty;
            code.Line($"/// <param name=\"{name.TrimStart('@')}\">The <c>{SchemaText.Xml(p.Name)}</c> parameter{suffix}.</param>");
        }
    }
}

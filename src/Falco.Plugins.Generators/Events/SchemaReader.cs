using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Falco.Plugins.Generators.Events.Json;
using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Events;

/// <summary>
/// Reads the libscap event schema (the JSON dump of <c>driver/event_table.c</c>) into the
/// model the emitters use, checking everything the generated code relies on.
/// </summary>
internal static class SchemaReader
{
    private const long MaxFlagValue = uint.MaxValue;

    public static EventSchemaModel Read(string fileName, string? text)
    {
        if (text is null)
        {
            return EventSchemaModel.Failed(fileName, "the file could not be read");
        }

        try
        {
            return ReadDocument(fileName, JsonParser.Parse(text));
        }
        catch (JsonParseException e)
        {
            return EventSchemaModel.Failed(fileName, "invalid JSON: " + e.Message);
        }
        catch (SchemaException e)
        {
            return EventSchemaModel.Failed(fileName, e.Message);
        }
    }

    private static EventSchemaModel ReadDocument(string fileName, JsonValue root)
    {
        Require(root.Kind == JsonKind.Object, "the document is not a JSON object");
        string version = String(root, "schema_version", "the document");
        JsonValue enums = Member(root, "enums", JsonKind.Object, "the document");
        Dictionary<long, string> paramTypes = NamesByNumber(Member(enums, "param_types", JsonKind.Object, "enums"), "param_types");
        Dictionary<long, string> formats = NamesByNumber(Member(enums, "print_formats", JsonKind.Object, "enums"), "print_formats");
        long largePayload = Number(Member(enums, "event_flags", JsonKind.Object, "enums"), "EF_LARGE_PAYLOAD", "event_flags");

        List<JsonValue> events = Member(root, "events", JsonKind.Array, "the document").Items;
        Require(events.Count > 0 && events.Count <= ushort.MaxValue + 1, $"the document has {events.Count} events");
        var enumNames = new List<string>(events.Count);
        for (int code = 0; code < events.Count; code++)
        {
            JsonValue evt = events[code];
            string where = $"event {code}";
            Require(evt.Kind == JsonKind.Object, $"{where} is not an object");
            Require(Number(evt, "code", where) == code, $"{where} has code {Number(evt, "code", where)}: events must be in code order");
            string enumName = String(evt, "enum", where);
            Require(enumName.EndsWith((code & 1) == 0 ? "_E" : "_X", System.StringComparison.Ordinal), $"{where} ({enumName}): even codes are enter events (_E), odd codes exit events (_X)");
            enumNames.Add(enumName);
        }

        string[] typeNames = EventNaming.TypeNames(enumNames);
        var models = new List<EventModel>(events.Count);
        for (int code = 0; code < events.Count; code++)
        {
            models.Add(ReadEvent(events[code], code, enumNames[code], typeNames[code], paramTypes, formats, largePayload));
        }

        return new EventSchemaModel(fileName, version, models.ToEquatableArray(), null);
    }

    private static EventModel ReadEvent(JsonValue evt, int code, string enumName, string typeName, Dictionary<long, string> paramTypes, Dictionary<long, string> formats, long largePayload)
    {
        string where = $"event {code} ({enumName})";
        string direction = String(evt, "direction", where);
        Require(direction == ((code & 1) == 0 ? "E" : "X"), $"{where}: direction '{direction}' does not match the code's parity");
        long flags = Number(evt, "flags", where);
        List<JsonValue> parameters = Member(evt, "params", JsonKind.Array, where).Items;

        var raw = new List<(string Name, ParamKind Kind)>();
        for (int i = 0; i < parameters.Count; i++)
        {
            JsonValue p = parameters[i];
            Require(p.Kind == JsonKind.Object, $"{where}: parameter {i} is not an object");
            string name = String(p, "name", $"{where}, parameter {i}");
            raw.Add((name, KindOf(p, paramTypes, $"{where}, parameter {i} ({name})").Kind));
        }

        string[] members = EventNaming.MemberNames(typeName, raw.Select(r => r.Name).ToList(), raw.Select(r => r.Kind.IsText).ToList());
        string[] arguments = EventNaming.ArgumentNames(members);
        var models = new List<ParamModel>(parameters.Count);
        for (int i = 0; i < parameters.Count; i++)
        {
            models.Add(ReadParam(parameters[i], i, parameters.Count, members[i], arguments[i], paramTypes, formats, $"{where}, parameter {i} ({raw[i].Name})", allowShapes: true));
        }

        return new EventModel(code, enumName, String(evt, "name", where), typeName, Number(evt, "category", where), flags, (flags & largePayload) != 0, models.ToEquatableArray());
    }

    private static ParamModel ReadParam(JsonValue p, int index, int count, string member, string argument, Dictionary<long, string> paramTypes, Dictionary<long, string> formats, string where, bool allowShapes)
    {
        (string typeName, long type, ParamKind kind) = KindOf(p, paramTypes, where);
        long format = Number(p, "format", where);
        Require(formats.TryGetValue(format, out string? formatName), $"{where}: unknown print format {format}");

        var flags = new List<FlagModel>();
        if (p.Get("flags") is { } table)
        {
            Require(table.Kind == JsonKind.Array, $"{where}: flags is not an array");
            foreach (JsonValue pair in table.Items)
            {
                Require(pair.Kind == JsonKind.Array && pair.Items.Count == 2 && pair.Items[0].Kind == JsonKind.String, $"{where}: a flag is not a [name, value] pair");
                Require(pair.Items[1].TryGetInt64(out long value) && value >= 0 && value <= MaxFlagValue, $"{where}: the value of flag {pair.Items[0].Text} is not a 32-bit unsigned number");
                flags.Add(new FlagModel(pair.Items[0].Text, value));
            }
        }

        Require(allowShapes || flags.Count == 0, $"{where}: a dynamic shape with a flag table is not supported");
        int dirFd = -1;
        if (p.Get("dirfd_param") is { } dirFdValue)
        {
            Require(dirFdValue.TryGetInt64(out long d) && d >= 0 && d < count && d != index, $"{where}: dirfd_param is not the index of another parameter");
            dirFd = (int)d;
        }

        var shapes = new List<ParamModel>();
        if (kind.Input == ReaderInput.Shapes)
        {
            Require(allowShapes, $"{where}: a dynamic shape cannot itself be dynamic");
            JsonValue? dynamic = p.Get("dynamic");
            Require(dynamic is not null && dynamic.Kind == JsonKind.Array && dynamic.Items.Count is > 0 and <= 256, $"{where}: a PT_DYN parameter needs an array of 1 to 256 dynamic shapes");
            for (int s = 0; s < dynamic!.Items.Count; s++)
            {
                JsonValue shape = dynamic.Items[s];
                Require(shape.Kind == JsonKind.Object, $"{where}: dynamic shape {s} is not an object");
                shapes.Add(ReadParam(shape, s, dynamic.Items.Count, string.Empty, string.Empty, paramTypes, formats, $"{where}, dynamic shape {s}", allowShapes: false));
            }
        }
        else
        {
            Require(p.Get("dynamic") is null, $"{where}: only a PT_DYN parameter has dynamic shapes");
        }

        return new ParamModel(
            index,
            String(p, "name", where),
            typeName,
            type,
            formatName!,
            format,
            flags.ToEquatableArray(),
            dirFd,
            shapes.ToEquatableArray(),
            member,
            argument);
    }

    private static (string TypeName, long Type, ParamKind Kind) KindOf(JsonValue p, Dictionary<long, string> paramTypes, string where)
    {
        long type = Number(p, "type", where);
        Require(paramTypes.TryGetValue(type, out string? typeName), $"{where}: unknown parameter type {type}");
        Require(ParamKinds.TryGet(typeName!, out ParamKind kind), $"{where}: the parameter type {typeName} is not supported");
        return (typeName!, type, kind);
    }

    private static Dictionary<long, string> NamesByNumber(JsonValue names, string where)
    {
        var byNumber = new Dictionary<long, string>();
        foreach (KeyValuePair<string, JsonValue> member in names.Members)
        {
            Require(member.Value.TryGetInt64(out long number), $"{where}: {member.Key} is not a whole number");

            // Aliases share a number (EC_IO_BASE and EC_IO_READ): the first name wins.
            if (!byNumber.ContainsKey(number))
            {
                byNumber.Add(number, member.Key);
            }
        }

        return byNumber;
    }

    private static JsonValue Member(JsonValue obj, string name, JsonKind kind, string where)
    {
        JsonValue? value = obj.Get(name);
        Require(value is not null && value.Kind == kind, $"{where}: '{name}' is missing or not {(kind == JsonKind.Array ? "an array" : "an object")}");
        return value!;
    }

    private static string String(JsonValue obj, string name, string where)
    {
        JsonValue? value = obj.Get(name);
        Require(value is not null && value.Kind == JsonKind.String, $"{where}: '{name}' is missing or not a string");
        return value!.Text;
    }

    private static long Number(JsonValue obj, string name, string where)
    {
        JsonValue? value = obj.Get(name);
        long number = 0;
        Require(value is not null && value.TryGetInt64(out number), $"{where}: '{name}' is missing or not a whole number");
        return number;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new SchemaException(problem);
        }
    }

    /// <summary>The schema breaks a rule the generated code relies on.</summary>
    private sealed class SchemaException : System.Exception
    {
        public SchemaException(string message)
            : base(message)
        {
        }

        public SchemaException()
        {
        }

        public SchemaException(string message, System.Exception innerException)
            : base(message, innerException)
        {
        }
    }
}

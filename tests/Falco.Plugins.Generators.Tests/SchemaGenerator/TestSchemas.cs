using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Falco.Plugins.Generators.Tests.SchemaGenerator;

/// <summary>Event schema files for generator tests: the real one, and small ones built on its enums.</summary>
internal static class TestSchemas
{
    public const string FileName = "scap-event-schema-4.5.1.json";

    private static readonly Lazy<string> RealText = new(() =>
        File.ReadAllText(SchemaGeneratorRun.RepositoryPath("src/Falco.Plugins/Syscalls/Schema/" + FileName)));

    /// <summary>The schema the SDK is built from.</summary>
    public static string Real => RealText.Value;

    /// <summary>A schema with the real enums and the given events, whose codes are their positions.</summary>
    public static string With(params JsonObject[] events)
    {
        JsonNode real = JsonNode.Parse(Real)!;
        var events2 = new JsonArray();
        for (int code = 0; code < events.Length; code++)
        {
            JsonObject evt = events[code];
            evt["code"] ??= code;
            events2.Add(evt);
        }

        var schema = new JsonObject
        {
            ["schema_version"] = "9.8.7",
            ["source"] = "tests",
            ["enums"] = real["enums"]!.DeepClone(),
            ["events"] = events2,
        };
        return schema.ToJsonString();
    }

    /// <summary>An event; the direction follows the parity of its position.</summary>
    public static JsonObject Event(string enumName, string name, params JsonObject[] parameters) => new()
    {
        ["enum"] = enumName,
        ["name"] = name,
        ["direction"] = enumName.EndsWith("_E", StringComparison.Ordinal) ? "E" : "X",
        ["category"] = 514,
        ["flags"] = 0,
        ["params"] = new JsonArray(parameters.Select(p => (JsonNode)p).ToArray()),
    };

    /// <summary>A parameter of the <c>PT_*</c> type <paramref name="type"/>.</summary>
    public static JsonObject Param(string name, string type, int format = 1) => new()
    {
        ["name"] = name,
        ["type"] = TypeNumber(type),
        ["format"] = format,
    };

    public static int TypeNumber(string type) => JsonNode.Parse(Real)!["enums"]!["param_types"]![type]!.GetValue<int>();

    public static JsonObject WithFlags(this JsonObject param, params (string Name, long Value)[] flags)
    {
        param["flags"] = new JsonArray(flags.Select(f => (JsonNode)new JsonArray(f.Name, f.Value)).ToArray());
        return param;
    }

    public static JsonObject WithShapes(this JsonObject param, params JsonObject[] shapes)
    {
        param["dynamic"] = new JsonArray(shapes.Select(s => (JsonNode)s).ToArray());
        return param;
    }
}

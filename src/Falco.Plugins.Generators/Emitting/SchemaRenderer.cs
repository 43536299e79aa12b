using System.Linq;
using Falco.Plugins.Generators.Model;
using Falco.Plugins.Generators.Parsing;

namespace Falco.Plugins.Generators.Emitting;

/// <summary>
/// Renders the JSON schema of a config type once the naming policy and options of its
/// JsonSerializerContext are known, so that the schema names keys exactly as the serializer
/// reads them. The framework validates init configs against it before plugin_init.
/// </summary>
internal static class SchemaRenderer
{
    public static string Render(ConfigNode root, JsonContextInfo context, string pluginName)
    {
        var json = new JsonBuilder();
        json.BeginObject();
        json.Property("$schema", "http://json-schema.org/draft-07/schema#");
        json.Property("title", $"{pluginName} init config");
        WriteBody(json, root, context);
        json.EndObject();
        return json.ToString();
    }

    private static void Write(JsonBuilder json, ConfigNode node, JsonContextInfo context, string? description, string? defaultJson)
    {
        json.BeginObject();
        if (description is not null)
        {
            json.Property("description", description);
        }

        if (defaultJson is not null)
        {
            json.Name("default").Raw(EnumDefault(node, context, defaultJson) ?? defaultJson);
        }

        WriteBody(json, node, context);
        json.EndObject();
    }

    private static void WriteBody(JsonBuilder json, ConfigNode node, JsonContextInfo context)
    {
        switch (node.Kind)
        {
            case ConfigNodeKind.Scalar:
                // Splice the members of the pre-rendered scalar schema into this object.
                string inner = node.ScalarSchema!.Substring(1, node.ScalarSchema.Length - 2);
                if (node.Nullable)
                {
                    inner = MakeNullable(inner);
                }

                json.Raw(inner);
                break;

            case ConfigNodeKind.Enum:
                bool asString = node.EnumAsString || context.StringEnums;
                json.Name("type");
                WriteType(json, asString ? "string" : "integer", node.Nullable);
                json.Name("enum").BeginArray();
                foreach (EnumMember member in node.EnumMembers)
                {
                    if (asString)
                    {
                        json.String(member.Name);
                    }
                    else
                    {
                        json.Raw(member.Value);
                    }
                }

                if (node.Nullable)
                {
                    json.Raw("null");
                }

                json.EndArray();
                break;

            case ConfigNodeKind.Array:
                json.Name("type");
                WriteType(json, "array", node.Nullable);
                json.Name("items");
                Write(json, node.Item!, context, null, null);
                break;

            case ConfigNodeKind.Dictionary:
                json.Name("type");
                WriteType(json, "object", node.Nullable);
                json.Name("additionalProperties");
                Write(json, node.Item!, context, null, null);
                break;

            case ConfigNodeKind.Object:
                json.Name("type");
                WriteType(json, "object", node.Nullable);
                json.Name("properties").BeginObject();
                foreach (ConfigProperty property in node.Properties)
                {
                    json.Name(JsonName(property, context));
                    Write(json, property.Node, context, property.Description, property.DefaultJson);
                }

                json.EndObject();
                string[] required = node.Properties.Where(p => p.Required).Select(p => JsonName(p, context)).ToArray();
                if (required.Length > 0)
                {
                    json.Name("required").BeginArray();
                    foreach (string name in required)
                    {
                        json.String(name);
                    }

                    json.EndArray();
                }

                if (node.DisallowUnmapped || context.DisallowUnmapped)
                {
                    json.Property("additionalProperties", false);
                }

                break;
        }
    }

    /// <summary>The default of an enum serialized as strings: the JSON name of the member whose value it is.</summary>
    private static string? EnumDefault(ConfigNode node, JsonContextInfo context, string defaultJson)
    {
        if (node.Kind != ConfigNodeKind.Enum || !(node.EnumAsString || context.StringEnums))
        {
            return null;
        }

        EnumMember? member = node.EnumMembers.FirstOrDefault(m => m.Value == defaultJson);
        return member is null ? null : JsonBuilder.Quote(member.Name);
    }

    private static void WriteType(JsonBuilder json, string type, bool nullable)
    {
        if (nullable)
        {
            json.BeginArray().String(type).String("null").EndArray();
        }
        else
        {
            json.String(type);
        }
    }

    private static string MakeNullable(string members)
    {
        // Scalar schemas start with "type":"<name>"; widen it to ["<name>","null"].
        const string prefix = "\"type\":\"";
        if (!members.StartsWith(prefix, System.StringComparison.Ordinal))
        {
            return members;
        }

        int end = members.IndexOf('"', prefix.Length);
        string type = members.Substring(prefix.Length, end - prefix.Length);
        return "\"type\":[\"" + type + "\",\"null\"]" + members.Substring(end + 1);
    }

    private static string JsonName(ConfigProperty property, JsonContextInfo context) =>
        property.JsonName ?? NamingPolicy.Apply(context.NamingPolicy, property.ClrName);
}

using System.Collections.Generic;
using System.Text.Json;

namespace Falco.Plugins.Testing.Loading;

/// <summary>Reads and checks the get_fields JSON with libsinsp's rules and messages.</summary>
internal static class FieldsJsonReader
{
    public static List<PluginField> Read(string pluginName, string? json)
    {
        string prefix = $"error in plugin {pluginName}: ";
        if (json is null)
        {
            throw new PluginHostException(prefix + "get_fields returned a null string");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new PluginHostException(prefix + "get_fields returned an invalid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new PluginHostException(prefix + "get_fields returned an invalid JSON");
            }

            var fields = new List<PluginField>();
            foreach (JsonElement entry in document.RootElement.EnumerateArray())
            {
                fields.Add(ReadField(prefix, entry, fields.Count));
            }

            return fields;
        }
    }

    private static PluginField ReadField(string prefix, JsonElement entry, int id)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new PluginHostException(prefix + "field JSON entry is not an object");
        }

        string type = String(entry, "type");
        if (type.Length == 0)
        {
            throw new PluginHostException(prefix + "field JSON entry has no type");
        }

        string name = String(entry, "name");
        if (name.Length == 0)
        {
            throw new PluginHostException(prefix + "field JSON entry has no name");
        }

        string display = String(entry, "display");
        string description = String(entry, "desc");
        if (description.Length == 0)
        {
            throw new PluginHostException(prefix + "field JSON entry has no desc");
        }

        FieldType fieldType = type switch
        {
            "string" => FieldType.String,
            "uint64" => FieldType.UInt64,
            "reltime" => FieldType.RelTime,
            "abstime" => FieldType.AbsTime,
            "bool" => FieldType.Bool,
            "ipaddr" => FieldType.IPAddress,
            "ipnet" => FieldType.IPNetwork,
            _ => throw new PluginHostException(prefix + $"invalid field type {type}"),
        };

        bool isList = Bool(prefix, entry, name, "isList", "field {0} isList property is not boolean ");
        bool addOutput = Bool(prefix, entry, name, "addOutput", "field {0} addOutput property is not boolean ");
        bool required = false, index = false, key = false;
        if (entry.TryGetProperty("arg", out JsonElement arg) && arg.ValueKind != JsonValueKind.Null)
        {
            if (arg.ValueKind != JsonValueKind.Object)
            {
                throw new PluginHostException(prefix + $"field {name} arg property is not an object");
            }

            required = Bool(prefix, arg, name, "isRequired", "field {0} isRequired property is not boolean");
            index = Bool(prefix, arg, name, "isIndex", "field {0} isIndex property is not boolean");
            key = Bool(prefix, arg, name, "isKey", "field {0} isKey property is not boolean");
            if (required && !index && !key)
            {
                throw new PluginHostException(prefix + $"field {name} arg has isRequired true, but none of isKey nor isIndex is true");
            }
        }

        var properties = new List<string>();
        if (entry.TryGetProperty("properties", out JsonElement list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new PluginHostException(prefix + $"field {name} properties property is not array ");
            }

            foreach (JsonElement property in list.EnumerateArray())
            {
                if (property.ValueKind != JsonValueKind.String)
                {
                    throw new PluginHostException(prefix + $"field {name} properties value is not string ");
                }

                properties.Add(property.GetString()!);
            }
        }

        return new PluginField(id, name, fieldType, isList, required, index, key, display, description, addOutput, properties);
    }

    private static string String(JsonElement entry, string key) =>
        entry.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static bool Bool(string prefix, JsonElement entry, string field, string key, string error)
    {
        if (!entry.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new PluginHostException(prefix + string.Format(System.Globalization.CultureInfo.InvariantCulture, error, field)),
        };
    }

    /// <summary>Reads a JSON list of strings (event sources, async event names) as libsinsp does.</summary>
    public static List<string> ReadStringList(string pluginName, string symbol, string? json, bool allowEmpty)
    {
        var values = new List<string>();
        if (string.IsNullOrEmpty(json))
        {
            if (!allowEmpty)
            {
                throw new PluginHostException($"error in plugin {pluginName}: '{symbol}' did not return a json array but it should");
            }

            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new PluginHostException($"error in plugin {pluginName}: '{symbol}' did not return a json array");
            }

            foreach (JsonElement value in document.RootElement.EnumerateArray())
            {
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    throw new PluginHostException($"error in plugin {pluginName}: '{symbol}' did not return a json array");
                }

                string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (text.Length > 0)
                {
                    values.Add(text);
                }
            }
        }
        catch (JsonException)
        {
            throw new PluginHostException($"error in plugin {pluginName}: '{symbol}' did not return a json array");
        }

        return values;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Falco.Plugins.Config;

/// <summary>
/// Validates a JSON document against a JSON schema, as the framework does with a plugin's
/// init schema before calling <c>plugin_init</c>. It covers the keywords config schemas use
/// (type, properties, required, additionalProperties, items, enum, const, numeric and length
/// bounds, anyOf/oneOf/allOf, local <c>$ref</c>) and ignores the others, and it reports the
/// first problem with the path of the offending key.
/// </summary>
internal static class JsonSchemaValidator
{
    private const int MaxDepth = 64;

    /// <summary>Returns <see langword="null"/> when <paramref name="instance"/> is valid, else the first problem.</summary>
    public static SchemaViolation? Validate(JsonElement instance, JsonElement schema) =>
        Validate(instance, schema, schema, new List<string>(), 0);

    private static SchemaViolation? Validate(JsonElement instance, JsonElement schema, JsonElement root, List<string> path, int depth)
    {
        if (depth > MaxDepth)
        {
            return new SchemaViolation(path, "is nested too deeply");
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            return new SchemaViolation(path, "is not allowed");
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out JsonElement reference) && reference.ValueKind == JsonValueKind.String)
        {
            if (!TryResolve(root, reference.GetString()!, out JsonElement target))
            {
                return new SchemaViolation(path, $"refers to an unknown schema '{reference.GetString()}'");
            }

            return Validate(instance, target, root, path, depth + 1);
        }

        return CheckType(instance, schema, path)
            ?? CheckEnum(instance, schema, path)
            ?? CheckNumber(instance, schema, path)
            ?? CheckString(instance, schema, path)
            ?? CheckObject(instance, schema, root, path, depth)
            ?? CheckArray(instance, schema, root, path, depth)
            ?? CheckCombinators(instance, schema, root, path, depth);
    }

    private static SchemaViolation? CheckType(JsonElement instance, JsonElement schema, List<string> path)
    {
        if (!schema.TryGetProperty("type", out JsonElement type))
        {
            return null;
        }

        var allowed = new List<string>();
        if (type.ValueKind == JsonValueKind.String)
        {
            allowed.Add(type.GetString()!);
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            allowed.AddRange(type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
        }

        if (allowed.Count == 0 || allowed.Any(t => HasType(instance, t)))
        {
            return null;
        }

        string expected = allowed.Count == 1 ? Article(allowed[0]) : "one of " + string.Join(", ", allowed);
        return new SchemaViolation(path, $"expected {expected}, got {Describe(instance)}");
    }

    private static SchemaViolation? CheckEnum(JsonElement instance, JsonElement schema, List<string> path)
    {
        if (schema.TryGetProperty("const", out JsonElement constant) && !JsonEquals(instance, constant))
        {
            return new SchemaViolation(path, $"must be {constant.GetRawText()}, got {Describe(instance)}");
        }

        if (schema.TryGetProperty("enum", out JsonElement values) && values.ValueKind == JsonValueKind.Array
            && !values.EnumerateArray().Any(v => JsonEquals(instance, v)))
        {
            string choices = string.Join(", ", values.EnumerateArray().Select(v => v.GetRawText()));
            return new SchemaViolation(path, $"must be one of {choices}, got {Describe(instance)}");
        }

        return null;
    }

    private static SchemaViolation? CheckNumber(JsonElement instance, JsonElement schema, List<string> path)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        double value = instance.GetDouble();
        bool exact = instance.TryGetDecimal(out decimal exactValue);
        string text = instance.GetRawText();
        foreach ((string keyword, bool exclusive, bool below) in Bounds)
        {
            if (!schema.TryGetProperty(keyword, out JsonElement bound) || bound.ValueKind != JsonValueKind.Number)
            {
                continue;
            }

            int comparison = exact && bound.TryGetDecimal(out decimal exactBound)
                ? exactValue.CompareTo(exactBound)
                : value.CompareTo(bound.GetDouble());
            bool violates = below
                ? (exclusive ? comparison >= 0 : comparison > 0)
                : (exclusive ? comparison <= 0 : comparison < 0);
            if (violates)
            {
                string relation = (below, exclusive) switch
                {
                    (true, false) => "at most",
                    (true, true) => "less than",
                    (false, false) => "at least",
                    (false, true) => "greater than",
                };
                return new SchemaViolation(path, $"must be {relation} {bound.GetRawText()}, got {text}");
            }
        }

        return null;
    }

    private static readonly (string Keyword, bool Exclusive, bool Below)[] Bounds =
    {
        ("minimum", false, false),
        ("exclusiveMinimum", true, false),
        ("maximum", false, true),
        ("exclusiveMaximum", true, true),
    };

    private static SchemaViolation? CheckString(JsonElement instance, JsonElement schema, List<string> path)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // JSON Schema counts characters (code points), not UTF-16 units: an emoji is one character.
        int length = instance.GetString()!.EnumerateRunes().Count();
        if (TryGetCount(schema, "minLength", out int min) && length < min)
        {
            return new SchemaViolation(path, $"must be at least {Count(min, "character")} long, got {length}");
        }

        if (TryGetCount(schema, "maxLength", out int max) && length > max)
        {
            return new SchemaViolation(path, $"must be at most {Count(max, "character")} long, got {length}");
        }

        return null;
    }

    private static SchemaViolation? CheckObject(JsonElement instance, JsonElement schema, JsonElement root, List<string> path, int depth)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        schema.TryGetProperty("properties", out JsonElement properties);
        bool hasProperties = properties.ValueKind == JsonValueKind.Object;

        if (schema.TryGetProperty("required", out JsonElement required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement name in required.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String && !instance.TryGetProperty(name.GetString()!, out _))
                {
                    path.Add(name.GetString()!);
                    var violation = new SchemaViolation(path, "is required but missing");
                    path.RemoveAt(path.Count - 1);
                    return violation;
                }
            }
        }

        schema.TryGetProperty("additionalProperties", out JsonElement additional);
        foreach (JsonProperty property in instance.EnumerateObject())
        {
            path.Add(property.Name);
            SchemaViolation? violation = null;
            if (hasProperties && properties.TryGetProperty(property.Name, out JsonElement propertySchema))
            {
                violation = Validate(property.Value, propertySchema, root, path, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                string known = hasProperties ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : "";
                violation = new SchemaViolation(path, known.Length > 0 ? $"is not a known key (known keys: {known})" : "is not a known key");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                violation = Validate(property.Value, additional, root, path, depth + 1);
            }

            path.RemoveAt(path.Count - 1);
            if (violation is not null)
            {
                return violation;
            }
        }

        return null;
    }

    private static SchemaViolation? CheckArray(JsonElement instance, JsonElement schema, JsonElement root, List<string> path, int depth)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        int count = instance.GetArrayLength();
        if (TryGetCount(schema, "minItems", out int min) && count < min)
        {
            return new SchemaViolation(path, $"must have at least {Count(min, "item")}, got {count}");
        }

        if (TryGetCount(schema, "maxItems", out int max) && count > max)
        {
            return new SchemaViolation(path, $"must have at most {Count(max, "item")}, got {count}");
        }

        if (!schema.TryGetProperty("items", out JsonElement items) || items.ValueKind is not (JsonValueKind.Object or JsonValueKind.False))
        {
            return null;
        }

        int index = 0;
        foreach (JsonElement item in instance.EnumerateArray())
        {
            path.Add($"[{index++}]");
            SchemaViolation? violation = Validate(item, items, root, path, depth + 1);
            path.RemoveAt(path.Count - 1);
            if (violation is not null)
            {
                return violation;
            }
        }

        return null;
    }

    private static SchemaViolation? CheckCombinators(JsonElement instance, JsonElement schema, JsonElement root, List<string> path, int depth)
    {
        if (schema.TryGetProperty("allOf", out JsonElement allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement part in allOf.EnumerateArray())
            {
                if (Validate(instance, part, root, path, depth + 1) is { } violation)
                {
                    return violation;
                }
            }
        }

        if (schema.TryGetProperty("anyOf", out JsonElement anyOf) && anyOf.ValueKind == JsonValueKind.Array)
        {
            var failures = anyOf.EnumerateArray().Select(part => Validate(instance, part, root, path, depth + 1)).ToList();
            if (failures.Count > 0 && failures.All(f => f is not null))
            {
                return failures[0];
            }
        }

        if (schema.TryGetProperty("oneOf", out JsonElement oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            var results = oneOf.EnumerateArray().Select(part => Validate(instance, part, root, path, depth + 1)).ToList();
            int matches = results.Count(r => r is null);
            if (matches == 0 && results.Count > 0)
            {
                return results[0];
            }

            if (matches > 1)
            {
                return new SchemaViolation(path, "matches more than one of the allowed shapes");
            }
        }

        return null;
    }

    private static bool TryResolve(JsonElement root, string reference, out JsonElement target)
    {
        target = root;
        if (reference == "#")
        {
            return true;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string segment in reference.Substring(2).Split('/'))
        {
            string name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && IsInteger(instance),
        _ => true,
    };

    private static bool IsInteger(JsonElement number)
    {
        if (number.TryGetDecimal(out decimal exact))
        {
            return decimal.Truncate(exact) == exact;
        }

        double value = number.GetDouble();
        return Math.Floor(value) == value && !double.IsInfinity(value);
    }

    private static bool TryGetCount(JsonElement schema, string keyword, out int count)
    {
        count = 0;
        return schema.TryGetProperty(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out count);
    }

    private static bool JsonEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            return a.TryGetDecimal(out decimal x) && b.TryGetDecimal(out decimal y) ? x == y : a.GetDouble().Equals(b.GetDouble());
        }

        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        return a.ValueKind switch
        {
            JsonValueKind.String => a.GetString() == b.GetString(),
            JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength()
                && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => JsonEquals(p.First, p.Second)),
            JsonValueKind.Object => a.EnumerateObject().Count() == b.EnumerateObject().Count()
                && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out JsonElement other) && JsonEquals(p.Value, other)),
            _ => true,
        };
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    /// <summary>Names a JSON value for an error message: its type, and the value itself when short.</summary>
    internal static string Describe(JsonElement value)
    {
        string raw = value.GetRawText();
        string shown = raw.Length > 40 ? string.Concat(raw.AsSpan(0, 37), "...") : raw;
        return value.ValueKind switch
        {
            JsonValueKind.String => "a string " + shown,
            JsonValueKind.Number => "a number " + shown,
            JsonValueKind.True or JsonValueKind.False => "a boolean " + shown,
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>The first problem found in a document: where it is and what is wrong.</summary>
internal sealed class SchemaViolation
{
    public SchemaViolation(IReadOnlyList<string> path, string problem)
    {
        Path = FormatPath(path);
        Problem = problem;
    }

    /// <summary>The path of the offending value, e.g. <c>output.format</c> or <c>hosts[2]</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>A sentence naming the key and the problem, for an operator.</summary>
    public string Describe(string document) =>
        Path.Length == 0 ? $"{document} {Problem}" : $"{document} key '{Path}' {Problem}";

    private static string FormatPath(IReadOnlyList<string> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (string segment in path)
        {
            if (text.Length > 0 && !segment.StartsWith('['))
            {
                text.Append('.');
            }

            text.Append(segment);
        }

        return text.ToString();
    }
}

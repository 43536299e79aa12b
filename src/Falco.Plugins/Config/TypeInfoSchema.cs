using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Config;

/// <summary>
/// Derives a JSON schema from System.Text.Json contract metadata (source-generated, so no
/// reflection), for documents that have no schema of their own, such as open parameters.
/// Validating against it first turns type mistakes into the same precise messages as init
/// configs get ("key 'start' expected an integer, got a string").
/// </summary>
internal static class TypeInfoSchema
{
    private const int MaxDepth = 8;
    private static readonly ConditionalWeakTable<JsonTypeInfo, byte[]> Cache = new();

    public static byte[] For(JsonTypeInfo typeInfo) =>
        Cache.GetValue(typeInfo, static info =>
        {
            var json = new JsonTextWriter();
            Write(json, info, 0);
            return System.Text.Encoding.UTF8.GetBytes(json.ToString());
        });

    private static void Write(JsonTextWriter json, JsonTypeInfo info, int depth)
    {
        json.BeginObject();
        WriteBody(json, info.Type, info, depth);
        json.EndObject();
    }

    private static void WriteBody(JsonTextWriter json, Type type, JsonTypeInfo? info, int depth)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        bool nullable = underlying is not null || !type.IsValueType;
        type = underlying ?? type;

        if (Scalar(type) is { } scalar)
        {
            WriteType(json, scalar.Type, nullable);
            if (scalar.Minimum is not null)
            {
                json.PropertyName("minimum");
                json.RawValue(scalar.Minimum);
                json.PropertyName("maximum");
                json.RawValue(scalar.Maximum!);
            }

            return;
        }

        if (type.IsEnum)
        {
            json.PropertyName("type");
            json.BeginArray();
            json.Value("string");
            json.Value("integer");
            if (nullable)
            {
                json.Value("null");
            }

            json.EndArray();
            return;
        }

        if (depth >= MaxDepth || info is null)
        {
            return;
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                WriteType(json, "object", nullable);
                json.PropertyName("properties");
                json.BeginObject();
                var required = new List<string>();
                foreach (JsonPropertyInfo property in info.Properties)
                {
                    if (property.Set is null && !property.IsRequired)
                    {
                        continue;
                    }

                    json.PropertyName(property.Name);
                    json.BeginObject();
                    WriteBody(json, property.PropertyType, TryGetTypeInfo(info, property.PropertyType), depth + 1);
                    json.EndObject();
                    if (property.IsRequired)
                    {
                        required.Add(property.Name);
                    }
                }

                json.EndObject();
                if (required.Count > 0)
                {
                    json.PropertyName("required");
                    json.BeginArray();
                    foreach (string name in required)
                    {
                        json.Value(name);
                    }

                    json.EndArray();
                }

                if ((info.UnmappedMemberHandling ?? info.Options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Disallow)
                {
                    json.Property("additionalProperties", false);
                }

                break;

            case JsonTypeInfoKind.Enumerable:
                WriteType(json, "array", nullable);
                break;

            case JsonTypeInfoKind.Dictionary:
                WriteType(json, "object", nullable);
                break;
        }
    }

    private static JsonTypeInfo? TryGetTypeInfo(JsonTypeInfo parent, Type type)
    {
        try
        {
            return parent.Options.TryGetTypeInfo(Nullable.GetUnderlyingType(type) ?? type, out JsonTypeInfo? info) ? info : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static void WriteType(JsonTextWriter json, string type, bool nullable)
    {
        json.PropertyName("type");
        if (nullable)
        {
            json.BeginArray();
            json.Value(type);
            json.Value("null");
            json.EndArray();
        }
        else
        {
            json.Value(type);
        }
    }

    private static (string Type, string? Minimum, string? Maximum)? Scalar(Type type)
    {
        if (type == typeof(bool))
        {
            return ("boolean", null, null);
        }

        if (type == typeof(string) || type == typeof(char) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri))
        {
            return ("string", null, null);
        }

        if (type == typeof(float) || type == typeof(double) || type == typeof(decimal))
        {
            return ("number", null, null);
        }

        return type == typeof(byte) ? Integer(byte.MinValue, byte.MaxValue)
            : type == typeof(sbyte) ? Integer(sbyte.MinValue, sbyte.MaxValue)
            : type == typeof(short) ? Integer(short.MinValue, short.MaxValue)
            : type == typeof(ushort) ? Integer(ushort.MinValue, ushort.MaxValue)
            : type == typeof(int) ? Integer(int.MinValue, int.MaxValue)
            : type == typeof(uint) ? Integer(uint.MinValue, uint.MaxValue)
            : type == typeof(long) ? Integer(long.MinValue, long.MaxValue)
            : type == typeof(ulong) ? ("integer", "0", ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private static (string, string?, string?) Integer(long minimum, long maximum) =>
        ("integer", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture), maximum.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

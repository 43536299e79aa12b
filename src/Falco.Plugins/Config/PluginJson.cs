using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Falco.Plugins.Config;

namespace Falco.Plugins;

/// <summary>
/// Reads JSON documents a plugin receives (init config, open parameters) into typed objects
/// with System.Text.Json source-generated metadata, turning every problem into a
/// <see cref="PluginException"/> whose message names the document, the key and the problem.
/// </summary>
public static class PluginJson
{
    /// <summary>
    /// Deserializes <paramref name="json"/>, first checking it against <paramref name="schemaUtf8"/>,
    /// or when none is given against a schema derived from <paramref name="typeInfo"/>.
    /// </summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="typeInfo">Source-generated metadata, e.g. <c>MyJsonContext.Default.MyType</c>.</param>
    /// <param name="document">How to call the document in messages, e.g. <c>"open params"</c>.</param>
    /// <param name="schemaUtf8">An optional JSON schema in UTF-8 to validate against first.</param>
    /// <exception cref="PluginException">The text is not valid JSON, breaks the schema or does not fit <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo, string document, ReadOnlySpan<byte> schemaUtf8 = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(typeInfo);
        Validate(json, document, schemaUtf8.IsEmpty ? TypeInfoSchema.For(typeInfo) : schemaUtf8);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new PluginException(DescribeJsonException(ex, document), ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            throw new PluginException($"{document} cannot be read: {ex.Message}", ex);
        }

        return value ?? throw new PluginException($"{document} must be a JSON object, got null");
    }

    /// <summary>Checks that <paramref name="json"/> is well-formed and, when a schema is given, that it conforms.</summary>
    /// <exception cref="PluginException">The text is not valid JSON or breaks the schema.</exception>
    public static void Validate(string json, string document, ReadOnlySpan<byte> schemaUtf8)
    {
        using JsonDocument instance = Parse(json, document);

        // Schemas baked into plugins are C strings; the terminating NUL is not JSON.
        schemaUtf8 = schemaUtf8.TrimEnd((byte)0);
        if (schemaUtf8.IsEmpty)
        {
            return;
        }

        using JsonDocument schema = JsonDocument.Parse(schemaUtf8.ToArray());
        if (JsonSchemaValidator.Validate(instance.RootElement, schema.RootElement) is { } violation)
        {
            throw new PluginException(violation.Describe(document));
        }
    }

    private static JsonDocument Parse(string json, string document)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new PluginException($"{document} is not valid JSON: {ReaderMessage(ex)}", ex);
        }
    }

    /// <summary>Rewrites a System.Text.Json error as a sentence about the key that caused it.</summary>
    internal static string DescribeJsonException(JsonException ex, string document)
    {
        string key = KeyFromPath(ex.Path);
        string message = ex.Message;
        if (TextAfter(message, "missing required properties") is { } missing)
        {
            // "...missing required properties, including the following: start, end"
            string names = missing.Substring(missing.IndexOf(':') + 1);
            string name = names.Split(',')[0].Trim().TrimEnd('.').Trim('\'');
            return $"{document} key '{Join(key, name)}' is required but missing";
        }

        if (TextAfter(message, "The JSON property '") is { } unknown)
        {
            string name = unknown.Substring(0, Math.Max(0, unknown.IndexOf('\'')));
            string path = key == name || key.EndsWith("." + name, StringComparison.Ordinal) ? key : Join(key, name);
            return $"{document} key '{path}' is not a known key";
        }

        if (TextAfter(message, "could not be converted to ") is { } converted)
        {
            int end = converted.IndexOf(' ');
            string type = (end < 0 ? converted : converted.Substring(0, end)).TrimEnd('.');
            type = type.Substring(type.LastIndexOf('.') + 1);
            return key.Length == 0
                ? $"{document} has a value that cannot be read as {type}"
                : $"{document} key '{key}' has a value that cannot be read as {type}";
        }

        if (ex.LineNumber is not null)
        {
            return $"{document} is not valid JSON: {ReaderMessage(ex)}";
        }

        return key.Length == 0 ? $"{document} cannot be read: {message}" : $"{document} key '{key}' cannot be read: {message}";
    }

    private static string ReaderMessage(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        message = (cut >= 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
        return ex.LineNumber is long line && ex.BytePositionInLine is long column
            ? $"{message} (line {line + 1}, byte {column + 1})"
            : message;
    }

    private static string KeyFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return string.Empty;
        }

        string key = path.StartsWith("$.", StringComparison.Ordinal) ? path.Substring(2) : path.TrimStart('$');
        return key.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).TrimStart('.');
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    private static string? TextAfter(string message, string marker)
    {
        int at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : message.Substring(at + marker.Length);
    }
}

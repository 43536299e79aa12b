using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Output;

/// <summary>
/// What <c>info --json</c> prints: one JSON document with everything the plugin declares. Field
/// entries use the names of the plugin API's fields JSON (<c>desc</c>, <c>isList</c>, <c>arg</c>).
/// </summary>
internal static class InfoJsonWriter
{
    /// <summary>Writes <paramref name="info"/> to <paramref name="output"/> as an indented JSON document.</summary>
    public static void Write(PluginInfo info, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(JsonText.Build(indented: true, writer => WriteInfo(writer, info)));
        output.Write('\n');
    }

    private static void WriteInfo(Utf8JsonWriter writer, PluginInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString("path", info.Path);
        writer.WriteString("name", info.Name);
        writer.WriteString("version", info.Version);
        writer.WriteString("description", info.Description);
        writer.WriteString("contact", info.Contact);
        writer.WriteString("requiredApiVersion", info.RequiredApiVersion);
        WriteStrings(writer, "capabilities", PluginTerms.CapabilityKeys(info.Capabilities));
        writer.WriteNumber("id", info.Id);
        writer.WriteString("eventSource", info.EventSource);
        WriteStrings(writer, "extractEventSources", info.ExtractEventSources);
        WriteStrings(writer, "parseEventSources", info.ParseEventSources);
        WriteStrings(writer, "asyncEventSources", info.AsyncEventSources);
        WriteStrings(writer, "asyncEvents", info.AsyncEvents);
        writer.WriteStartArray("fields");
        foreach (PluginField field in info.Fields)
        {
            WriteField(writer, field);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("initSchema");
        WriteSchema(writer, info.InitSchema);
        var symbols = new List<string>(info.Symbols.Count);
        foreach (string symbol in info.Symbols)
        {
            symbols.Add("plugin_" + symbol);
        }

        WriteStrings(writer, "symbols", symbols);
        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, PluginField field)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", field.Id);
        writer.WriteString("name", field.Name);
        writer.WriteString("type", PluginTerms.TypeName(field.Type));
        writer.WriteBoolean("isList", field.IsList);
        writer.WriteStartObject("arg");
        writer.WriteBoolean("isRequired", field.ArgRequired);
        writer.WriteBoolean("isIndex", field.ArgIndex);
        writer.WriteBoolean("isKey", field.ArgKey);
        writer.WriteEndObject();
        writer.WriteString("display", field.Display);
        writer.WriteString("desc", field.Description);
        writer.WriteBoolean("addOutput", field.AddOutput);
        WriteStrings(writer, "properties", field.Properties);
        writer.WriteEndObject();
    }

    /// <summary>The schema as JSON when it is valid JSON, as a string when not, null when there is none.</summary>
    private static void WriteSchema(Utf8JsonWriter writer, string? schema)
    {
        if (string.IsNullOrEmpty(schema))
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(schema);
            document.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(schema);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

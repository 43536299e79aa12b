using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Output;

/// <summary>What <c>info</c> prints for people: metadata, a table of fields, the init schema, the exported symbols.</summary>
internal static class InfoTextWriter
{
    private static readonly string[] FieldHeader = ["NAME", "TYPE", "ARG", "DESCRIPTION"];

    /// <summary>Writes <paramref name="info"/> to <paramref name="output"/>.</summary>
    public static void Write(PluginInfo info, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(output);
        var metadata = new List<(string Label, string Value)>
        {
            ("name", info.Name),
            ("version", info.Version),
            ("description", info.Description),
            ("contact", info.Contact),
            ("required API version", info.RequiredApiVersion),
            ("capabilities", string.Join(", ", PluginTerms.CapabilityTexts(info.Capabilities))),
        };
        if (info.Id != 0 || info.EventSource.Length > 0)
        {
            metadata.Add(("event source", $"{info.EventSource} (id {info.Id})"));
        }

        AddSources(metadata, info.Capabilities, PluginCapabilities.Extraction, "extract sources", info.ExtractEventSources);
        AddSources(metadata, info.Capabilities, PluginCapabilities.Parsing, "parse sources", info.ParseEventSources);
        AddSources(metadata, info.Capabilities, PluginCapabilities.Async, "async sources", info.AsyncEventSources);
        AddSources(metadata, info.Capabilities, PluginCapabilities.Async, "async events", info.AsyncEvents);
        metadata.Add(("file", info.Path));

        int width = metadata.Max(m => m.Label.Length) + 2;
        foreach ((string label, string value) in metadata)
        {
            output.Write(((label + ":").PadRight(width) + value).TrimEnd() + "\n");
        }

        WriteFields(info.Fields, info.Capabilities, output);
        WriteSchema(info.InitSchema, output);
        output.Write($"\nsymbols ({info.Symbols.Count}):\n");
        foreach (string symbol in info.Symbols)
        {
            output.Write($"  plugin_{symbol}\n");
        }
    }

    private static void AddSources(List<(string, string)> metadata, PluginCapabilities capabilities, PluginCapabilities needed, string label, IReadOnlyList<string> sources)
    {
        if (capabilities.HasFlag(needed))
        {
            metadata.Add((label, sources.Count == 0 ? "(all)" : string.Join(", ", sources)));
        }
    }

    private static void WriteFields(IReadOnlyList<PluginField> fields, PluginCapabilities capabilities, TextWriter output)
    {
        if (!capabilities.HasFlag(PluginCapabilities.Extraction))
        {
            output.Write("\nfields: none (no field extraction capability)\n");
            return;
        }

        output.Write($"\nfields ({fields.Count}):\n");
        IReadOnlyList<string>[] rows = fields
            .Select(f => (IReadOnlyList<string>)[f.Name, PluginTerms.TypeText(f), PluginTerms.ArgumentText(f), f.Description])
            .ToArray();
        output.Write(TextTable.Render(FieldHeader, rows, indent: "  "));
    }

    private static void WriteSchema(string? schema, TextWriter output)
    {
        if (string.IsNullOrEmpty(schema))
        {
            output.Write("\ninit schema: none\n");
            return;
        }

        output.Write("\ninit schema:\n");
        output.Write((JsonText.Indent(schema) ?? schema).TrimEnd('\n'));
        output.Write('\n');
    }
}

using System.Collections.Generic;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Output;

/// <summary>The words the tool uses for what a plugin declares: field types, field arguments, capabilities.</summary>
internal static class PluginTerms
{
    private static readonly (PluginCapabilities Capability, string Key, string Text)[] CapabilityNames =
    [
        (PluginCapabilities.Sourcing, "sourcing", "event sourcing"),
        (PluginCapabilities.Extraction, "extraction", "field extraction"),
        (PluginCapabilities.Parsing, "parsing", "event parsing"),
        (PluginCapabilities.Async, "async", "async events"),
        (PluginCapabilities.CaptureListening, "capture-listening", "capture listening"),
    ];

    /// <summary>The type as the fields JSON spells it (<c>uint64</c>, <c>string</c>, ...).</summary>
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.UInt64 => "uint64",
        FieldType.String => "string",
        FieldType.RelTime => "reltime",
        FieldType.AbsTime => "abstime",
        FieldType.Bool => "bool",
        FieldType.IPAddress => "ipaddr",
        FieldType.IPNetwork => "ipnet",
        _ => $"type {(uint)type}",
    };

    /// <summary>The field's type for people: the type name, with <c>(list)</c> for list fields.</summary>
    public static string TypeText(PluginField field) => field.IsList ? TypeName(field.Type) + " (list)" : TypeName(field.Type);

    /// <summary>The argument a field takes for people, e.g. <c>index, required</c> or <c>key</c>; empty when it takes none.</summary>
    public static string ArgumentText(PluginField field)
    {
        var parts = new List<string>(3);
        if (field.ArgIndex)
        {
            parts.Add("index");
        }

        if (field.ArgKey)
        {
            parts.Add("key");
        }

        if (field.ArgRequired)
        {
            parts.Add("required");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The capabilities as keys for machines (<c>sourcing</c>, <c>extraction</c>, ...).</summary>
    public static IReadOnlyList<string> CapabilityKeys(PluginCapabilities capabilities) => Select(capabilities, keys: true);

    /// <summary>The capabilities for people (<c>event sourcing</c>, <c>field extraction</c>, ...).</summary>
    public static IReadOnlyList<string> CapabilityTexts(PluginCapabilities capabilities) => Select(capabilities, keys: false);

    private static List<string> Select(PluginCapabilities capabilities, bool keys)
    {
        var names = new List<string>();
        foreach ((PluginCapabilities capability, string key, string text) in CapabilityNames)
        {
            if (capabilities.HasFlag(capability))
            {
                names.Add(keys ? key : text);
            }
        }

        return names;
    }
}

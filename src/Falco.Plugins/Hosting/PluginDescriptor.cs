using System;
using System.ComponentModel;

namespace Falco.Plugins.Hosting;

/// <summary>
/// What the generated exports tell the SDK about a plugin at run time: its name for error
/// messages, its field names, and the API version it requires (which bounds what the SDK may
/// read from the framework's structs). Not meant for plugin code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PluginDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    public PluginDescriptor(string name, int requiredApiMinor, uint sourceId, string[] fieldNames, bool extractsAnyEvent = false, bool parsesAnyEvent = false)
    {
        Name = name;
        RequiredApiMinor = requiredApiMinor;
        SourceId = sourceId;
        FieldNames = fieldNames ?? Array.Empty<string>();
        ExtractsAnyEvent = extractsAnyEvent;
        ParsesAnyEvent = parsesAnyEvent;
    }

    /// <summary>Whether extractors see events other than plugin events (their sources include <c>syscall</c>, or they name event types).</summary>
    public bool ExtractsAnyEvent { get; }

    /// <summary>Whether the parser sees events other than plugin events.</summary>
    public bool ParsesAnyEvent { get; }

    /// <summary>The plugin name.</summary>
    public string Name { get; }

    /// <summary>
    /// The minor of the plugin API version the plugin reports. The framework that loaded the
    /// plugin has at least this minor, so struct members introduced up to it may be read.
    /// </summary>
    public int RequiredApiMinor { get; }

    /// <summary>The event source id, or 0 for plugins without one.</summary>
    public uint SourceId { get; }

    /// <summary>The declared fields, by field id.</summary>
    public string[] FieldNames { get; }

    /// <summary>Whether the framework's structs have the members added in API 3.<paramref name="minor"/>.</summary>
    public bool Has(int minor) => RequiredApiMinor >= minor;
}

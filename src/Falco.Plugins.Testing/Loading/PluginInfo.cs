using System.Collections.Generic;

namespace Falco.Plugins.Testing;

/// <summary>What a loaded plugin declares before init: the information libsinsp reads when it loads a plugin.</summary>
public sealed record PluginInfo
{
    /// <summary>The file the plugin was loaded from.</summary>
    public required string Path { get; init; }

    /// <summary>The plugin name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public required string Description { get; init; }

    /// <summary>The contact.</summary>
    public required string Contact { get; init; }

    /// <summary>The plugin's own version.</summary>
    public required string Version { get; init; }

    /// <summary>The plugin API version the plugin requires.</summary>
    public required string RequiredApiVersion { get; init; }

    /// <summary>
    /// The event schema version the plugin requires (<c>get_required_event_schema_version</c>,
    /// API 3.12, asked before init with a NULL state), or <see langword="null"/> when it does not
    /// say; the framework then assumes 3.0.0 for a plugin that parses or extracts syscall events.
    /// </summary>
    public string? RequiredEventSchemaVersion { get; init; }

    /// <summary>The capabilities inferred from the exported symbols.</summary>
    public required PluginCapabilities Capabilities { get; init; }

    /// <summary>The event source id (0 when none).</summary>
    public uint Id { get; init; }

    /// <summary>The event source name ("" when none).</summary>
    public string EventSource { get; init; } = "";

    /// <summary>The declared fields, by id.</summary>
    public IReadOnlyList<PluginField> Fields { get; init; } = [];

    /// <summary>The JSON schema of the init config, or <see langword="null"/> when the plugin has none.</summary>
    public string? InitSchema { get; init; }

    /// <summary>The sources the plugin extracts fields from (empty: every source).</summary>
    public IReadOnlyList<string> ExtractEventSources { get; init; } = [];

    /// <summary>The sources the plugin parses events of (empty: every source).</summary>
    public IReadOnlyList<string> ParseEventSources { get; init; } = [];

    /// <summary>The sources the plugin's async events belong to.</summary>
    public IReadOnlyList<string> AsyncEventSources { get; init; } = [];

    /// <summary>The names of the async events the plugin may send.</summary>
    public IReadOnlyList<string> AsyncEvents { get; init; } = [];

    /// <summary>The <c>plugin_*</c> symbols the library exports, without the prefix.</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];
}

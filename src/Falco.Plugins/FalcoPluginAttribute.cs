using System;

namespace Falco.Plugins;

/// <summary>
/// Marks a <see langword="partial"/> class as a Falco plugin. The SDK's source generator emits
/// the <c>plugin_*</c> C exports for the plugin API's base functions and for exactly the
/// capabilities the class implements (<see cref="IEventSource{TInstance}"/>,
/// <see cref="IFieldExtractor"/>, ...). One plugin per assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FalcoPluginAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The plugin name that Falco shows and that <c>load_plugins</c> refers to.</param>
    public FalcoPluginAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The plugin name.</summary>
    public string Name { get; }

    /// <summary>The plugin's own version; it must be semantic (<c>major.minor.patch</c>).</summary>
    public string Version { get; set; } = "";

    /// <summary>A one-line description of the plugin.</summary>
    public string Description { get; set; } = "";

    /// <summary>Where to reach the authors (a URL or an address).</summary>
    public string Contact { get; set; } = "";

    /// <summary>
    /// Raises the reported plugin API version above the one the SDK derives from the features
    /// the plugin uses. It cannot lower it. Leave empty to report the derived version.
    /// </summary>
    public string RequiredApiVersion { get; set; } = "";

    /// <summary>
    /// The libscap event schema version (<c>major.minor.patch</c>) the plugin's reading of
    /// syscall events was written against, reported through
    /// <c>plugin_get_required_event_schema_version</c>; the framework refuses the plugin when
    /// its own schema has another major or an older minor. Leave empty for the SDK's default:
    /// the schema of the typed event views for plugins that use them, otherwise the first
    /// version of the SDK's schema major (only the event header and parameter framing are then
    /// read on the plugin's behalf). Only plugins that parse or extract events other than plugin
    /// events report one.
    /// </summary>
    public string RequiredEventSchemaVersion { get; set; } = "";
}

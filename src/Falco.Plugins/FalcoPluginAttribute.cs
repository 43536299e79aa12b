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
}

using System;
using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;

namespace Falco.Plugins.Hosting;

/// <summary>Binds the init config string for generated <c>plugin_init</c> exports. Not meant for plugin code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigBinder
{
    /// <summary>
    /// Validates <paramref name="config"/> against the plugin's init schema and binds it. An
    /// empty or blank config binds as <c>{}</c>, as the framework passes it when a schema exists.
    /// </summary>
    public static TConfig Bind<TConfig>(string config, JsonTypeInfo<TConfig> typeInfo, ReadOnlySpan<byte> schemaUtf8) =>
        Bind(config, typeInfo, schemaUtf8, "init config");

    /// <summary>Binds a config, naming it <paramref name="document"/> in messages.</summary>
    internal static TConfig Bind<TConfig>(string config, JsonTypeInfo<TConfig> typeInfo, ReadOnlySpan<byte> schemaUtf8, string document)
    {
        string json = string.IsNullOrWhiteSpace(config) ? "{}" : config;
        return PluginJson.Deserialize(json, typeInfo, document, schemaUtf8);
    }
}

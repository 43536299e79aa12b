namespace Falco.Plugins;

/// <summary>
/// A plugin whose config the framework can change while it runs (<c>plugin_set_config</c>,
/// API 3.4). The new config is validated against the init schema and bound like the init
/// config; when it is invalid, the framework gets the reason and the plugin keeps the old one.
/// </summary>
/// <typeparam name="TConfig">The plugin's config type.</typeparam>
public interface IConfigurable<TConfig> : IPlugin<TConfig>
    where TConfig : class
{
    /// <summary>Applies a new, valid config. Throwing rejects it (the framework gets the message).</summary>
    void SetConfig(TConfig config);
}

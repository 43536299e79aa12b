using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing;

// set_config (API 3.4).
public sealed unsafe partial class Plugin
{
    /// <summary>
    /// Hands the plugin a new config (<c>plugin_set_config</c>), validated against the init schema
    /// first as libsinsp does (with a JSON schema, an empty config becomes <c>{}</c>).
    /// </summary>
    /// <exception cref="PluginHostException">
    /// The config breaks the schema, the plugin has no set_config ("plugin does not support
    /// set_config"), or set_config failed (the message has its last error).
    /// </exception>
    public void SetConfig(string config)
    {
        System.ArgumentNullException.ThrowIfNull(config);
        config = ValidateConfig(config);
        if (Api.SetConfig is null)
        {
            throw new PluginHostException("plugin does not support set_config");
        }

        byte[] utf8 = Utf8(config);
        int rc;
        fixed (byte* text = utf8)
        {
            var input = new SetConfigInput { Config = text };
            rc = (int)Api.SetConfig(State, &input);
        }

        if (rc != (int)PluginRc.Success)
        {
            throw new PluginHostException($"could not set config of plugin {Info.Name}: {LastError}");
        }
    }
}

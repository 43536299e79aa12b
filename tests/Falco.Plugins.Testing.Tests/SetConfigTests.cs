using Falco.Plugins.Testing.Tests.Infrastructure;
using static Falco.Plugins.Testing.Tests.Infrastructure.AsyncPluginCommands;

namespace Falco.Plugins.Testing.Tests;

/// <summary>plugin_set_config (API 3.4), validated against the init schema as libsinsp does.</summary>
public sealed class SetConfigTests
{
    [Fact]
    public void A_config_that_fits_the_schema_reaches_the_plugin()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        plugin.SetConfig(Mode("nometrics"));

        Assert.Equal(["set_config {\"mode\":\"nometrics\"}"], Logged(plugin, "set_config"));
        Assert.Empty(plugin.GetMetrics());
    }

    [Fact]
    public void An_empty_config_becomes_an_empty_object_for_a_plugin_with_a_json_schema()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        plugin.SetConfig("");

        Assert.Equal(["set_config {}"], Logged(plugin, "set_config"));
    }

    [Fact]
    public void A_config_that_breaks_the_schema_never_reaches_the_plugin()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        var schema = Assert.Throws<PluginHostException>(() => plugin.SetConfig("{\"bogus\":1}"));
        var json = Assert.Throws<PluginHostException>(() => plugin.SetConfig("{not json"));

        Assert.StartsWith("error in plugin ap init config: ", schema.Message, System.StringComparison.Ordinal);
        Assert.Equal("error in plugin ap: init config is not a valid json", json.Message);
        Assert.Empty(Logged(plugin, "set_config"));
    }

    [Fact]
    public void A_config_the_plugin_rejects_fails_with_its_last_error()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        var error = Assert.Throws<PluginHostException>(() => plugin.SetConfig(Mode("reject")));

        Assert.Equal("could not set config of plugin ap: config rejected: {\"mode\":\"reject\"}", error.Message);
    }

    [Fact]
    public void A_plugin_without_set_config_says_so()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);

        var error = Assert.Throws<PluginHostException>(() => plugin.SetConfig("{}"));

        Assert.Equal("plugin does not support set_config", error.Message);
    }
}

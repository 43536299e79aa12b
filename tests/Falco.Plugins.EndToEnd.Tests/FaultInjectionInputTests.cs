using System;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// Bad input from users that reaches the published tests/plugins/FaultProbe: configs a framework
/// passes without checking them against the schema (the host's validation is off here), a
/// config changed to a bad one, and bad open parameters. Each is refused with a reason, and
/// the plugin keeps what it had.
/// </summary>
public sealed class FaultInjectionInputTests
{
    private static readonly PluginHostOptions Unvalidated = new() { ValidateConfig = false };

    [Theory]
    [InlineData("{\"label\": ", "faultprobe: init: init config is not valid JSON: ")]
    [InlineData("{\"label\": 5}", "faultprobe: init: init config key 'label' expected a string, got a number 5")]
    [InlineData("{\"unknown\": true}", "faultprobe: init: init config key 'unknown' is not a known key (known keys: fault, label, asyncTicks)")]
    [InlineData("{\"fault\": {\"kind\": \"throw\"}}", "faultprobe: init: init config key 'fault.at' is required but missing")]
    [InlineData("[]", "faultprobe: init: init config expected an object, got an array")]
    public void A_bad_init_config_fails_init_with_the_reason(string config, string expected)
    {
        using var host = new PluginHost(Unvalidated);

        var error = Assert.Throws<PluginHostException>(() => host.Load(PublishedPlugins.FaultProbe, config));

        Assert.StartsWith("could not initialize plugin: " + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(host.Plugins);
        FaultProbeChecks.AssertWorks(host, host.Load(PublishedPlugins.FaultProbe, "{}"));
    }

    [Theory]
    [InlineData("{\"label\": 5}")]
    [InlineData("{\"label\": \"x\", \"extra\": 1}")]
    [InlineData("not json")]
    public void A_bad_new_config_is_refused_and_the_old_one_stays(string config)
    {
        using var host = new PluginHost(Unvalidated);
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, "{\"label\": \"kept\"}");

        var error = Assert.Throws<PluginHostException>(() => plugin.SetConfig(config));

        Assert.StartsWith("could not set config of plugin faultprobe: faultprobe: set_config: new config ", error.Message, StringComparison.Ordinal);
        Assert.Equal("kept", plugin.Extract(FaultProbeChecks.FirstEvent(plugin), "faultprobe.label").String);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Theory]
    [InlineData("{\"count\": \"ten\"}")]
    [InlineData("{\"count\": 1")]
    [InlineData("{\"cont\": 1}")]
    public void Bad_open_parameters_fail_open_with_the_reason(string parameters)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe);

        var error = Assert.Throws<PluginHostException>(() => plugin.Open(parameters));

        Assert.StartsWith("could not open capture of plugin faultprobe: faultprobe: open: open params ", error.Message, StringComparison.Ordinal);
        FaultProbeChecks.AssertWorks(host, plugin);
    }
}

using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>
/// The host's check of the event schema version a plugin requires, made as libsinsp makes it:
/// a plugin that reads syscall events and does not say which schema it was built against is
/// taken to require 3.0.0, which a 4.x framework refuses.
/// </summary>
public sealed class EventSchemaCheckTests
{
    [Fact]
    public void A_syscall_parser_that_declares_no_schema_is_refused()
    {
        using var host = new PluginHost();

        var error = Assert.Throws<PluginHostException>(() => host.Load(NativePlugins.Undeclared));

        Assert.Equal(
            "plugin tp_undeclared required event schema version '3.0.0' not compatible with the event schema version in use '4.5.1': major versions disagree",
            error.Message);
        Assert.Empty(host.Plugins);
    }

    [Fact]
    public void The_check_of_undeclared_schemas_can_be_turned_off_for_old_plugins()
    {
        using var host = new PluginHost(new PluginHostOptions { CheckUndeclaredEventSchema = false });

        Plugin plugin = host.Load(NativePlugins.Undeclared);

        Assert.Null(plugin.Info.RequiredEventSchemaVersion);
    }

    [Fact]
    public void A_plugin_of_other_sources_reads_no_syscall_events_and_needs_no_schema()
    {
        using var host = new PluginHost();

        Plugin plugin = host.Load(NativePlugins.UndeclaredOtherSource);

        Assert.Null(plugin.Info.RequiredEventSchemaVersion);
    }

    [Fact]
    public void A_declared_schema_of_the_same_major_is_accepted_and_another_major_is_not()
    {
        using (var host = new PluginHost())
        {
            Assert.Equal("4.0.0", host.Load(NativePlugins.A).Info.RequiredEventSchemaVersion);
        }

        using var future = new PluginHost(new PluginHostOptions { EventSchemaVersion = new System.Version(5, 0, 0) });
        var error = Assert.Throws<PluginHostException>(() => future.Load(NativePlugins.A));
        Assert.EndsWith("'4.0.0' not compatible with the event schema version in use '5.0.0': major versions disagree", error.Message, System.StringComparison.Ordinal);
    }
}

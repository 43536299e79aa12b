using System;
using System.Linq;
using System.Text;
using Falco.Plugins.Testing.Tests.Infrastructure;
using static Falco.Plugins.Testing.Tests.Infrastructure.AsyncPluginCommands;

namespace Falco.Plugins.Testing.Tests;

/// <summary>plugin_dump_state (API 3.10) with the host's dump handler.</summary>
public sealed class DumpStateTests
{
    [Fact]
    public void Dump_state_returns_the_events_the_plugin_produced_in_order()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        var events = plugin.DumpState();

        Assert.Equal(["ap.state", "ap.state"], events.Select(e => e.AsyncEventName));
        Assert.Equal(["dump#0", "dump#1"], events.Select(e => Encoding.UTF8.GetString(e.AsyncEventData.Span)));
        // Dumped events are the plugin's own, untouched, and stay out of the live queue.
        Assert.All(events, e => Assert.Equal(ulong.MaxValue, e.Timestamp));
        Assert.All(events, e => Assert.Equal(77u, e.PluginId));
        Assert.Empty(host.AsyncEvents);
    }

    [Fact]
    public void Dump_state_can_be_called_again()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        plugin.DumpState();

        Assert.Equal(2, plugin.DumpState().Count);
    }

    [Fact]
    public void The_dump_handler_checks_names_and_a_failed_dump_reports_the_plugins_error()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async, Mode("dumpbad"));

        var error = Assert.Throws<PluginHostException>(() => plugin.DumpState());

        Assert.Equal("plugin ap failed to dump its state: dump handler: incompatible async event 'ap.undeclared' produced by plugin: ap", error.Message);
    }

    [Fact]
    public void A_plugin_without_dump_state_says_so()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);

        var error = Assert.Throws<PluginHostException>(() => plugin.DumpState());

        Assert.Equal("plugin tp_a does not support dump_state", error.Message);
    }
}

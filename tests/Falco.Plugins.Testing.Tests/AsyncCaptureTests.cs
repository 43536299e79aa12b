using System;
using System.Linq;
using System.Text;
using Falco.Plugins.Testing.Tests.Infrastructure;
using static Falco.Plugins.Testing.Tests.Infrastructure.AsyncPluginCommands;

namespace Falco.Plugins.Testing.Tests;

/// <summary>Async events merged into a capture's stream, checked against the open source, as libsinsp does.</summary>
public sealed class AsyncCaptureTests
{
    private static string Text(CapturedEvent evt) =>
        evt.Type == 402 ? Encoding.UTF8.GetString(evt.AsyncEventData.Span) : evt.PayloadText;

    [Fact]
    public void Queued_async_events_come_before_the_next_source_event_numbered_from_the_same_counter()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        using PluginCapture capture = plugin.Open("3");
        Emit(plugin, 2, "ap.ok");

        var events = capture.ReadEvents();

        Assert.Equal(["ap.ok#0", "ap.ok#1", "src#0", "src#1", "src#2"], events.Select(Text));
        Assert.Equal([1UL, 2UL, 3UL, 4UL, 5UL], events.Select(e => e.Number));
        Assert.Empty(host.AsyncEvents);
    }

    [Fact]
    public void With_a_source_plugin_open_async_events_carry_its_id_and_source()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        using PluginCapture capture = plugin.Open("0");

        Emit(plugin, 1, "ap.ok");

        CapturedEvent evt = Assert.Single(host.AsyncEvents);
        Assert.Equal(1999u, evt.PluginId);
        Assert.Equal("apsrc", evt.Source);
    }

    [Fact]
    public void An_async_event_with_its_own_time_waits_for_the_source_events_before_it()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        using PluginCapture capture = plugin.Open("4 1000 1000 0");
        Emit(plugin, 1, "ap.ok", ts: "2500");

        var events = capture.ReadEvents();

        Assert.Equal(["src#0", "src#1", "ap.ok#0", "src#2", "src#3"], events.Select(Text));
        Assert.Equal([1000UL, 2000UL, 2500UL, 3000UL, 4000UL], events.Select(e => e.Timestamp));
    }

    [Fact]
    public void When_the_source_times_out_a_queued_async_event_is_delivered_instead()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        using PluginCapture capture = plugin.Open("1 0 0 2");
        Emit(plugin, 1, "ap.ok");

        Assert.Equal(CaptureStatus.Event, capture.Next(out CapturedEvent? first));
        Assert.Equal(CaptureStatus.Timeout, capture.Next(out _));
        Assert.Equal(CaptureStatus.Event, capture.Next(out CapturedEvent? second));

        Assert.Equal("ap.ok#0", Text(first!));
        Assert.Equal("src#0", Text(second!));
    }

    [Fact]
    public void At_the_end_of_the_capture_undelivered_async_events_stay_queued()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        using PluginCapture capture = plugin.Open("0");
        Emit(plugin, 1, "ap.ok");

        Assert.Equal(CaptureStatus.Eof, capture.Next(out _));

        Assert.Single(host.AsyncEvents);
    }

    [Fact]
    public void Async_events_of_a_plugin_source_may_have_no_thread()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        using PluginCapture capture = plugin.Open("0");

        string summary = Emit(plugin, 1, "ap.ok", tid: "42");

        Assert.EndsWith("last_error=async events of plugin 'ap' can have no thread associated with open event source 'apsrc'", summary, StringComparison.Ordinal);
        Assert.Empty(host.AsyncEvents);
    }

    [Fact]
    public void Async_events_must_be_compatible_with_the_open_source()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        Plugin syscallSource = host.Load(NativePlugins.SourceOnly);
        using PluginCapture capture = syscallSource.Open();

        string summary = Emit(plugin, 1, "ap.ok");

        Assert.Equal(["apsrc"], plugin.Info.AsyncEventSources);
        Assert.EndsWith("last_error=async events of plugin 'ap' are not compatible with open event source 'syscall'", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_capture_is_closed_events_go_back_to_the_syscall_source()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        plugin.Open("0").Dispose();

        Emit(plugin, 1, "ap.ok", tid: "42");

        Assert.Equal("syscall", Assert.Single(host.AsyncEvents).Source);
    }
}

using System;
using System.Linq;
using System.Text;
using System.Threading;
using Falco.Plugins.Testing.Tests.Infrastructure;
using static Falco.Plugins.Testing.Tests.Infrastructure.AsyncPluginCommands;

namespace Falco.Plugins.Testing.Tests;

/// <summary>The async event handler of the host, driven by Native/async_plugin.c sending from its own thread.</summary>
public sealed class AsyncEventTests
{
    private const string NullHandler = "async event sent with NULL handler: ap";

    [Fact]
    public void An_async_plugin_gets_the_handler_when_it_is_loaded()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        Assert.True(plugin.AsyncHandlerSet);
        Assert.Equal(["set_async_event_handler set"], Logged(plugin, "set_async_event_handler"));
    }

    [Fact]
    public void Events_sent_from_a_plugin_thread_are_queued_as_copies_with_their_name_and_data()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        Run(plugin, "emit 3 ap.ok ok unset none");
        var events = host.WaitForAsyncEvents(3, Eventually.Timeout);
        Run(plugin, "join");

        Assert.Equal(["ap.ok", "ap.ok", "ap.ok"], events.Select(e => e.AsyncEventName));
        // The plugin scribbles over its buffer after each call: the host must have copied the event.
        Assert.Equal(["ap.ok#0", "ap.ok#1", "ap.ok#2"], events.Select(e => Encoding.UTF8.GetString(e.AsyncEventData.Span)));
        Assert.All(events, e => Assert.Equal(402, e.Type));
        Assert.Contains("sent=3 ok=3 failed=0", LastSenderSummary(plugin), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_open_capture_events_belong_to_the_syscall_source_and_wait_unnumbered()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        Emit(plugin, 1, "ap.ok", tid: "42");

        CapturedEvent evt = Assert.Single(host.AsyncEvents);
        Assert.Equal(0u, evt.PluginId);
        Assert.Equal("syscall", evt.Source);
        Assert.Equal(0UL, evt.Number);
        Assert.Equal(42UL, evt.ThreadId);
    }

    [Fact]
    public void The_host_assigns_a_timestamp_of_minus_one_and_keeps_any_other()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        ulong before = EventTime.Now();

        Emit(plugin, 1, "ap.ok", ts: "unset");
        ulong after = EventTime.Now();
        Emit(plugin, 1, "ap.ok", ts: "12345");

        var events = host.AsyncEvents.Snapshot();
        Assert.InRange(events[0].Timestamp, before, after);
        Assert.Equal(12345UL, events[1].Timestamp);
    }

    [Fact]
    public void Events_more_than_ten_seconds_ahead_are_dropped_but_the_plugin_sees_success()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        string summary = Emit(plugin, 2, "ap.ok", ts: "future");

        Assert.Contains("sent=2 ok=2 failed=0", summary, StringComparison.Ordinal);
        Assert.Empty(host.AsyncEvents);
        Assert.Equal(2, host.AsyncEvents.DroppedTooFarInFuture);
    }

    [Fact]
    public void A_name_the_plugin_did_not_declare_is_refused_with_libsinsps_message()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        string summary = Emit(plugin, 1, "ap.undeclared");

        Assert.EndsWith("failed=1 null_handler=0 last_error=incompatible async event 'ap.undeclared' produced by plugin: ap", summary, StringComparison.Ordinal);
        Assert.Empty(host.AsyncEvents);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("nparams")]
    public void An_event_of_another_code_or_parameter_count_is_malformed(string kind)
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        string summary = Emit(plugin, 1, "ap.ok", kind);

        Assert.EndsWith("failed=1 null_handler=0 last_error=malformed async event produced by plugin: ap", summary, StringComparison.Ordinal);
        Assert.Empty(host.AsyncEvents);
    }

    [Fact]
    public void Setting_the_handler_again_resets_it_first_as_libsinsp_requires()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        plugin.SetAsyncHandler(true);

        Assert.Equal(
            ["set_async_event_handler set", "set_async_event_handler reset", "set_async_event_handler set"],
            Logged(plugin, "set_async_event_handler"));
        Assert.Contains("ok=1", Emit(plugin, 1, "ap.ok"), StringComparison.Ordinal);
    }

    [Fact]
    public void Clearing_the_handler_while_the_plugin_sends_stops_the_flow_without_losing_the_host()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        Run(plugin, "stream ap.ok");
        host.WaitForAsyncEvents(5, Eventually.Timeout);

        plugin.SetAsyncHandler(enabled: false);
        long accepted = host.AsyncEvents.Accepted;
        Thread.Sleep(50);

        Assert.False(plugin.AsyncHandlerSet);
        Assert.Equal(accepted, host.AsyncEvents.Accepted);
        // Events sent while the plugin was being told are refused, and only for that reason.
        string summary = LastSenderSummary(plugin);
        string failed = summary.Split(' ').Single(part => part.StartsWith("failed=", StringComparison.Ordinal))[7..];
        Assert.Contains($"null_handler={failed} ", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_that_keeps_the_old_handler_after_a_reset_gets_the_null_handler_error()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        Run(plugin, "rogue");
        plugin.SetAsyncHandler(false);

        string summary = Emit(plugin, 1, "ap.ok");

        Assert.EndsWith($"failed=1 null_handler=1 last_error={NullHandler}", summary, StringComparison.Ordinal);
        Assert.Empty(host.AsyncEvents);
    }

    [Fact]
    public void Events_flow_again_once_the_handler_is_set_again()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        plugin.SetAsyncHandler(false);

        plugin.SetAsyncHandler(true);

        Assert.Contains("ok=2", Emit(plugin, 2, "ap.ok"), StringComparison.Ordinal);
        Assert.Equal(2, host.AsyncEvents.Count);
    }

    [Fact]
    public void A_host_can_leave_setting_the_handler_to_the_test()
    {
        using var host = new PluginHost(new PluginHostOptions { SetAsyncHandlerAtLoad = false });
        Plugin plugin = host.Load(NativePlugins.Async);

        Assert.False(plugin.AsyncHandlerSet);
        Assert.Empty(Logged(plugin, "set_async_event_handler"));
    }

    [Fact]
    public void A_plugin_that_refuses_the_handler_is_not_loaded()
    {
        using var host = new PluginHost();

        var error = Assert.Throws<PluginHostException>(() => host.Load(NativePlugins.Async, Mode("failhandler")));

        Assert.Equal("can't set async event handler for plugin 'ap' : handler refused", error.Message);
        Assert.Empty(host.Plugins);
    }

    [Fact]
    public void A_plugin_without_the_async_capability_has_no_handler_to_set()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);

        Assert.False(plugin.AsyncHandlerSet);
        Assert.Throws<PluginHostException>(() => plugin.SetAsyncHandler(true));
    }

    [Fact]
    public void Waiting_for_events_that_do_not_come_times_out()
    {
        using var host = new PluginHost();
        host.Load(NativePlugins.Async);

        var error = Assert.Throws<TimeoutException>(() => host.WaitForAsyncEvents(1, TimeSpan.FromMilliseconds(20)));

        Assert.StartsWith("0 of 1 async events arrived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_the_plugin_resets_the_handler_before_destroying_it()
    {
        var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        Run(plugin, "stream ap.ok");
        host.WaitForAsyncEvents(1, Eventually.Timeout);

        host.Dispose();

        Assert.Equal("set_async_event_handler reset", Logged(plugin, "set_async_event_handler")[^1]);
    }

    [Fact]
    public void Queued_events_can_be_taken_and_cleared()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        Emit(plugin, 3, "ap.ok");

        Assert.True(host.AsyncEvents.TryDequeue(out CapturedEvent? first));
        host.AsyncEvents.Clear();

        Assert.Equal("ap.ok#0", Encoding.UTF8.GetString(first.AsyncEventData.Span));
        Assert.Empty(host.AsyncEvents);
        Assert.Equal(3, host.AsyncEvents.Accepted);
        Assert.False(host.AsyncEvents.TryDequeue(out _));
    }
}

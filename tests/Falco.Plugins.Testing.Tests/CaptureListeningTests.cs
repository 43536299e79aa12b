using System;
using System.Runtime.InteropServices;
using System.Threading;
using Falco.Plugins.Testing.Tests.Infrastructure;
using static Falco.Plugins.Testing.Tests.Infrastructure.AsyncPluginCommands;

namespace Falco.Plugins.Testing.Tests;

/// <summary>
/// capture_open and capture_close (API 3.7) with the host's routine pool and table access. In
/// capture_open, Native/async_plugin.c subscribes a routine that ends itself after 5 calls and
/// one that runs until capture_close unsubscribes it, and reads thread 1 from the threads table.
/// </summary>
public sealed class CaptureListeningTests
{
    [Fact]
    public void A_routine_is_called_until_it_returns_false()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        plugin.CaptureOpen();
        SubscribedRoutine countdown = host.Routines.Of(plugin)[0];

        Assert.True(countdown.WaitForEnd(Eventually.Timeout));
        Assert.Equal(5, countdown.Calls);
        Assert.Equal(RoutineStatus.Finished, countdown.Status);
        plugin.CaptureClose();
    }

    [Fact]
    public void Unsubscribing_stops_a_routine_after_its_current_call_has_returned()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);
        plugin.CaptureOpen();
        SubscribedRoutine forever = host.Routines.Of(plugin)[1];
        Assert.True(forever.WaitForCalls(3, Eventually.Timeout));
        Assert.Equal(RoutineStatus.Running, forever.Status);

        plugin.CaptureClose();
        long calls = forever.Calls;
        Thread.Sleep(20);

        // The plugin saw unsubscribe return SUCCESS with no call of the routine in progress.
        Assert.StartsWith("capture_close #1 unsubscribe=0 in_call=0", Logged(plugin, "capture_close")[0], StringComparison.Ordinal);
        Assert.Equal(RoutineStatus.Unsubscribed, forever.Status);
        Assert.Equal(calls, forever.Calls);
        Assert.Equal(0, host.Routines.Active);
    }

    [Fact]
    public void Unsubscribing_an_unknown_handle_fails_with_an_owner_error()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        plugin.CaptureOpen();

        string open = Logged(plugin, "capture_open #1")[0];
        Assert.Contains("countdown=1 forever=1 bogus_unsubscribe=1 owner_error=unknown routine handle", open, StringComparison.Ordinal);
        plugin.CaptureClose();
    }

    [Fact]
    public void A_capture_can_be_opened_and_closed_several_times()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        for (int i = 0; i < 2; i++)
        {
            plugin.CaptureOpen();
            Assert.True(plugin.IsCaptureOpen);
            Assert.True(Eventually.True(() => host.Routines.Active == 1));
            plugin.CaptureClose();
            Assert.False(plugin.IsCaptureOpen);
        }

        Assert.Equal(2, Logged(plugin, "capture_open #").Length);
        Assert.Equal(["capture_close #1 unsubscribe=0", "capture_close #2 unsubscribe=0"], Array.ConvertAll(Logged(plugin, "capture_close"), line => line[..30]));
        Assert.Equal(4, host.Routines.All.Count);
        Assert.Equal(0, host.Routines.Active);
    }

    [Fact]
    public void Table_handles_obtained_in_capture_open_outlive_the_call()
    {
        using var host = new PluginHost();
        host.Threads.Add(1, comm: "init");
        Plugin plugin = host.Load(NativePlugins.Async);

        plugin.CaptureOpen();
        int held = plugin.LiveEntryHandles;
        plugin.CaptureClose();

        Assert.Equal(["capture_open threads=1 comm=init"], Logged(plugin, "capture_open threads"));
        Assert.Equal(1, held);
        Assert.EndsWith("released_readable_entry=1", Logged(plugin, "capture_close")[0], StringComparison.Ordinal);
        Assert.Equal(0, plugin.LiveEntryHandles);
    }

    [Fact]
    public void A_failing_capture_open_reports_the_plugins_error()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async, Mode("failopen"));

        var direct = Assert.Throws<PluginHostException>(plugin.CaptureOpen);
        var hosted = Assert.Throws<PluginHostException>(host.OpenCapture);

        Assert.Equal("error on capture open for plugin 'ap': capture_open asked to fail", direct.Message);
        Assert.Equal(direct.Message, hosted.Message);
        Assert.False(plugin.IsCaptureOpen);
    }

    [Fact]
    public void The_host_opens_and_closes_the_capture_for_every_listening_plugin()
    {
        using var host = new PluginHost();
        Plugin other = host.Load(NativePlugins.A);
        Plugin plugin = host.Load(NativePlugins.Async);

        host.OpenCapture();
        Assert.True(plugin.IsCaptureOpen);
        host.CloseCapture();

        Assert.False(plugin.IsCaptureOpen);
        Assert.Single(Logged(plugin, "capture_open #1"));
        Assert.Single(Logged(plugin, "capture_close #1"));
        Assert.Throws<PluginHostException>(other.CaptureOpen);
    }

    [Fact]
    public void Disposing_a_plugin_closes_its_capture_and_stops_routines_before_destroy()
    {
        using PluginLibrary library = PluginLibrary.Load(NativePlugins.Async);
        Plugin plugin = library.Init(Mode("leak"));
        PluginHost host = plugin.Host;
        plugin.CaptureOpen();
        SubscribedRoutine forever = host.Routines.Of(plugin)[1];
        Assert.True(forever.WaitForCalls(2, Eventually.Timeout));

        plugin.Dispose();

        Assert.Single(Logged(plugin, "capture_close #1 unsubscribe=-9"));
        Assert.Equal(RoutineStatus.Stopped, forever.Status);
        Assert.Equal(0, CallsAfterDestroy());
    }

    [Fact]
    public void A_routine_left_running_by_capture_close_runs_until_the_plugin_goes()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async, Mode("leak"));
        plugin.CaptureOpen();
        plugin.CaptureClose();
        SubscribedRoutine forever = host.Routines.Of(plugin)[1];
        long calls = forever.Calls;

        Assert.True(forever.WaitForCalls(calls + 2, Eventually.Timeout));
        plugin.Dispose();

        Assert.Equal(RoutineStatus.Stopped, forever.Status);
        Assert.Equal(0, host.Routines.Active);
    }

    /// <summary>The plugin's count of routine calls that reached a destroyed state (its library is still loaded).</summary>
    private static unsafe long CallsAfterDestroy()
    {
        nint handle = NativeLibrary.Load(NativePlugins.Async);
        try
        {
            var read = (delegate* unmanaged<long>)NativeLibrary.GetExport(handle, "ap_calls_after_destroy");
            return read();
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}

using System;
using System.Linq;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Loads tests/plugins/FaultProbe with a throw or fail fault on the first call of one operation,
/// makes that call the way libsinsp would, checks that the host saw the failure the plugin API
/// prescribes for it, and returns the plugin's last error.
/// </summary>
internal static class FaultDriver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The plugin, still alive (a fresh one for init faults), and the last error that reported the fault.</summary>
    public sealed record Provoked(Plugin Plugin, string LastError);

    public static Provoked Provoke(PluginHost host, string at, string config)
    {
        if (at == "init")
        {
            var error = Assert.Throws<PluginHostException>(() => host.Load(PublishedPlugins.FaultProbe, config));
            Assert.Empty(host.Plugins);
            Assert.StartsWith("could not initialize plugin: ", error.Message, StringComparison.Ordinal);
            return new Provoked(host.Load(PublishedPlugins.FaultProbe), error.Message["could not initialize plugin: ".Length..]);
        }

        Plugin plugin = host.Load(PublishedPlugins.FaultProbe, config);
        return new Provoked(plugin, Call(host, plugin, at));
    }

    private static string Call(PluginHost host, Plugin plugin, string at)
    {
        switch (at)
        {
            case "open":
                return Failed(() => plugin.Open(), plugin, "could not open capture of plugin faultprobe: ");
            case "next_batch":
                {
                    using PluginCapture capture = plugin.Open();
                    string error = Failed(() => capture.Next(out _), plugin, "plugin faultprobe next_batch failed: ");
                    Assert.Equal("1", FaultProbeChecks.NextPluginEvent(capture).PayloadText);
                    return error;
                }

            case "close":
                plugin.Open().Dispose();
                return plugin.LastError;
            case "extract_fields":
                {
                    CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);
                    return Failed(() => plugin.Extract(evt, "faultprobe.value"), plugin, $"plugin faultprobe failed to extract faultprobe.value from event {evt.Number}: ");
                }

            case "parse_event":
                {
                    CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);
                    return Failed(() => host.Parse(evt), plugin, $"plugin faultprobe failed to parse event {evt.Number}: ");
                }

            case "async_start":
                return AfterProducerStop(plugin);
            case "async_stop":
                host.WaitForAsyncEvents(3, Patience);
                return AfterProducerStop(plugin);
            case "dump_state":
                return Failed(() => plugin.DumpState(), plugin, "plugin faultprobe failed to dump its state: ");
            case "capture_open":
                {
                    string error = Failed(plugin.CaptureOpen, plugin, "error on capture open for plugin 'faultprobe': ");
                    Assert.Equal(0, host.Routines.Active);
                    return error;
                }

            case "capture_close":
                {
                    plugin.CaptureOpen();
                    string error = Failed(plugin.CaptureClose, plugin, "error on capture close for plugin 'faultprobe': ");
                    Assert.Equal(0, host.Routines.Active);
                    return error;
                }

            case "routine":
                {
                    int errors = FaultProbeChecks.Errors(plugin);
                    plugin.CaptureOpen();
                    SubscribedRoutine routine = Assert.Single(host.Routines.Of(plugin));
                    Assert.True(routine.WaitForEnd(Patience), routine.ToString());
                    Assert.Equal(RoutineStatus.Finished, routine.Status);
                    string error = plugin.LastError;
                    LogEntry logged = Assert.Single(plugin.Logs.Where(l => l.Severity == LogSeverity.Error).Skip(errors));
                    Assert.Equal("a routine failed and was stopped: " + error["faultprobe: routine: ".Length..], logged.Message);
                    plugin.CaptureClose();
                    return error;
                }

            case "set_config":
                {
                    string error = Failed(() => plugin.SetConfig("{\"label\": \"changed\"}"), plugin, "could not set config of plugin faultprobe: ");
                    Assert.Equal("initial", plugin.Extract(FaultProbeChecks.FirstEvent(plugin), "faultprobe.label").String);
                    return error;
                }

            case "event_to_string":
                {
                    CapturedEvent evt = FaultProbeChecks.FirstEvent(plugin);
                    Assert.Null(plugin.EventToString(evt));
                    return plugin.LastError;
                }

            case "list_open_params":
                return Failed(() => plugin.ListOpenParams(), plugin, "error in plugin faultprobe: list_open_params has error ");
            case "get_progress":
                {
                    using PluginCapture capture = plugin.Open();
                    Assert.Equal((0.0, ""), capture.Progress);
                    return plugin.LastError;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(at), at, "no driver for this operation");
        }
    }

    /// <summary>
    /// Clears the async handler: the call succeeds (libsinsp would abort the capture otherwise), and
    /// the producer's failure has gone to the last error and, once, at error severity, to the log.
    /// </summary>
    private static string AfterProducerStop(Plugin plugin)
    {
        plugin.SetAsyncHandler(false);
        string error = plugin.LastError;
        LogEntry logged = Assert.Single(plugin.Logs, l => l.Severity == LogSeverity.Error);
        Assert.Equal(error["faultprobe: set_async_event_handler: ".Length..], logged.Message);
        return error;
    }

    /// <summary>Runs a call that must fail, checks that the host's message is its prefix and the plugin's last error, and returns the latter.</summary>
    private static string Failed(Action call, Plugin plugin, string hostPrefix)
    {
        var error = Assert.Throws<PluginHostException>(call);
        string lastError = plugin.LastError;
        Assert.Equal(hostPrefix + lastError, error.Message);
        return lastError;
    }
}

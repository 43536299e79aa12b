using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Falco.Plugins.Testing.Tests.Infrastructure;
using static Falco.Plugins.Testing.Tests.Infrastructure.AsyncPluginCommands;

namespace Falco.Plugins.Testing.Tests;

/// <summary>log_fn called from several plugin threads at once.</summary>
public sealed class PluginLogTests
{
    [Fact]
    public void Messages_logged_from_many_threads_are_all_kept_with_their_severity()
    {
        var sink = new List<LogEntry>();
        int inside = 0;
        bool overlapped = false;
        void Sink(LogEntry entry)
        {
            // A sink need not be thread-safe: the host calls it one message at a time.
            overlapped |= Interlocked.Increment(ref inside) > 1;
            Thread.SpinWait(100);
            sink.Add(entry);
            Interlocked.Decrement(ref inside);
        }

        using var host = new PluginHost(new PluginHostOptions { Log = Sink });
        Plugin plugin = host.Load(NativePlugins.Async);

        Run(plugin, "logstorm 8 500");

        var storm = plugin.Logs.Where(entry => entry.Component == "storm").ToArray();
        Assert.Equal(4000, storm.Length);
        Assert.Equal(4000, storm.Select(entry => entry.Message).Distinct().Count());
        Assert.All(storm, entry => Assert.Equal((LogSeverity)(1 + (int.Parse(entry.Message.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture) % 8)), entry.Severity));
        Assert.Equal(4000, sink.Count(entry => entry.Component == "storm"));
        Assert.False(overlapped);
    }

    [Fact]
    public void A_message_without_a_component_is_logged_under_the_plugin_name()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        LogEntry init = plugin.Logs[0];

        Assert.Equal(new LogEntry("ap", "init config={}", LogSeverity.Info), init);
    }
}

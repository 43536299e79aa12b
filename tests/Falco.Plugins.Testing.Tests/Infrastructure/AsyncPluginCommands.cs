using System;
using System.Linq;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>Drives Native/async_plugin.c through its parse_event commands and reads what it logged.</summary>
public static class AsyncPluginCommands
{
    /// <summary>A config of the plugin with the mode words of async_plugin.c.</summary>
    public static string Mode(string words) => $"{{\"mode\":\"{words}\"}}";

    /// <summary>Runs one command (a parsed event whose payload is the command).</summary>
    public static void Run(Plugin plugin, string command) => plugin.Parse(NativePlugins.Event(0, command));

    /// <summary>Has the plugin's thread send <paramref name="count"/> async events and waits until it is done; returns its summary.</summary>
    public static string Emit(Plugin plugin, int count, string name, string kind = "ok", string ts = "unset", string tid = "none")
    {
        Run(plugin, $"emit {count} {name} {kind} {ts} {tid}");
        Run(plugin, "join");
        return LastSenderSummary(plugin);
    }

    /// <summary>What the last sending thread logged when it ended: "sender NAME: sent=N ok=N failed=N null_handler=N last_error=TEXT".</summary>
    public static string LastSenderSummary(Plugin plugin) =>
        plugin.Logs.LastOrDefault(entry => entry.Message.StartsWith("sender ", StringComparison.Ordinal))?.Message
        ?? throw new InvalidOperationException("the plugin logged no sender summary");

    /// <summary>The messages the plugin logged that start with <paramref name="prefix"/>, in order.</summary>
    public static string[] Logged(Plugin plugin, string prefix) =>
        plugin.Logs.Where(entry => entry.Message.StartsWith(prefix, StringComparison.Ordinal)).Select(entry => entry.Message).ToArray();
}

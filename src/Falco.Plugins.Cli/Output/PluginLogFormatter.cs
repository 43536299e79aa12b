using System;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Output;

/// <summary>Messages plugins send to the framework's logger, as <c>run</c> prints them on standard error.</summary>
internal static class PluginLogFormatter
{
    /// <summary>The line for <paramref name="entry"/>: <c>[warning] component: message</c>.</summary>
    public static string Format(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"[{SeverityName(entry.Severity)}] {entry.Component}: {entry.Message}";
    }

    private static string SeverityName(LogSeverity severity) => severity switch
    {
        LogSeverity.Fatal => "fatal",
        LogSeverity.Critical => "critical",
        LogSeverity.Error => "error",
        LogSeverity.Warning => "warning",
        LogSeverity.Notice => "notice",
        LogSeverity.Info => "info",
        LogSeverity.Debug => "debug",
        LogSeverity.Trace => "trace",
        _ => $"severity {(uint)severity}",
    };
}

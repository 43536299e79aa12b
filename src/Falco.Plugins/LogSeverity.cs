namespace Falco.Plugins;

/// <summary>
/// The severity of a message sent to the framework's logger, with the numbers of the plugin
/// API's <c>ss_plugin_log_severity</c>.
/// </summary>
public enum LogSeverity : uint
{
    /// <summary>The process cannot continue.</summary>
    Fatal = 1,

    /// <summary>A critical condition.</summary>
    Critical = 2,

    /// <summary>An error.</summary>
    Error = 3,

    /// <summary>A warning.</summary>
    Warning = 4,

    /// <summary>A normal but significant condition.</summary>
    Notice = 5,

    /// <summary>Informational.</summary>
    Info = 6,

    /// <summary>Debugging detail.</summary>
    Debug = 7,

    /// <summary>Tracing detail.</summary>
    Trace = 8,
}

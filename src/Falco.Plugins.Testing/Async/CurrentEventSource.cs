namespace Falco.Plugins.Testing.Async;

/// <summary>
/// The event source async events are injected into, as libsinsp picks it: the open source
/// plugin's (its id and source name), or "syscall" with id 0 for a generic source plugin or no
/// source plugin at all.
/// </summary>
/// <param name="PluginId">The id written into the async event's plugin_id parameter.</param>
/// <param name="Name">The source name the event belongs to.</param>
/// <param name="IsCaptureOpen">Whether a capture is open; without one libsinsp would not have set a handler, and the source checks are skipped.</param>
internal readonly record struct CurrentEventSource(uint PluginId, string Name, bool IsCaptureOpen)
{
    public const string Syscall = "syscall";

    /// <summary>No capture open: events are treated as those of a live syscall capture.</summary>
    public static CurrentEventSource NoCapture { get; } = new(0, Syscall, IsCaptureOpen: false);
}

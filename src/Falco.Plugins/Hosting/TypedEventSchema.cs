namespace Falco.Plugins.Hosting;

/// <summary>
/// The libscap event schema the SDK's typed syscall event views were generated from. A constant
/// rather than <see cref="Syscalls.EventSchema.Version"/>, whose class builds the whole event table
/// on first use: the export must not keep that table in every plugin that reads typed events.
/// </summary>
internal static class TypedEventSchema
{
    /// <summary>
    /// The schema version (<c>major.minor.patch</c>) that plugins reading typed syscall events
    /// report through <c>plugin_get_required_event_schema_version</c>.
    /// </summary>
    public const string Version = "4.5.1";
}

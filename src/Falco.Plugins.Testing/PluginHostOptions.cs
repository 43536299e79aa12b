using System;
using Falco.Plugins.Testing.Loading;

namespace Falco.Plugins.Testing;

/// <summary>How the host presents itself to plugins.</summary>
public sealed class PluginHostOptions
{
    /// <summary>The defaults: a framework at the plugin API version this SDK is written against.</summary>
    public static PluginHostOptions Default { get; } = new();

    /// <summary>The plugin API version the host claims (3.12.0 by default); plugins that require more are refused.</summary>
    public Version ApiVersion { get; init; } = new(Abi.AbiConstants.ApiMajor, Abi.AbiConstants.ApiMinor, Abi.AbiConstants.ApiPatch);

    /// <summary>
    /// Whether the host validates init configs against the plugin's schema before init, as
    /// libsinsp does. Turn it off to see how the plugin itself handles a bad config.
    /// </summary>
    public bool ValidateConfig { get; init; } = true;

    /// <summary>
    /// Whether the host gives async plugins its async event handler right after init (the
    /// default). libsinsp does it when a live capture opens; turn it off to set it yourself with
    /// <see cref="Plugin.SetAsyncHandler"/>.
    /// </summary>
    public bool SetAsyncHandlerAtLoad { get; init; } = true;

    /// <summary>
    /// Receives every message plugins send to the framework's logger (besides <see cref="Plugin.Logs"/>).
    /// Plugins log from their own threads; the host calls the sink under a lock, one message at a time.
    /// </summary>
    public Action<LogEntry>? Log { get; init; }

    /// <summary>
    /// Whether the init input carries the host's <c>log_fn</c> (the default). Turn it off to load
    /// plugins as a framework without a logger does, with a NULL <c>log_fn</c>.
    /// </summary>
    public bool OfferLogger { get; init; } = true;

    /// <summary>
    /// The event schema version of the events the host claims to deliver (by default the schema
    /// the SDK's typed syscall event views were generated from). After init, plugins that parse or
    /// extract syscall events are refused when they require a schema it does not satisfy, with
    /// libsinsp's message.
    /// </summary>
    public Version EventSchemaVersion { get; init; } = Version.Parse(Falco.Plugins.Hosting.TypedEventSchema.Version);

    /// <summary>
    /// Whether a plugin that parses or extracts syscall events without reporting an event schema
    /// version is checked as requiring 3.0.0, as libsinsp does (which a 4.x schema refuses). On
    /// by default, as in Falco 0.42 and later; turn it off to load plugins built for older
    /// frameworks. Plugins built with this SDK always report a version.
    /// </summary>
    public bool CheckUndeclaredEventSchema { get; init; } = true;

    /// <summary>How long <see cref="PluginCapture.ReadEvents"/> keeps retrying a source that times out before giving up.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the host hands plugins each event (in parse_event, extract_fields and
    /// event_to_string) copied to end right before an inaccessible page, so that a read past the
    /// event's bytes faults at once instead of reading neighbouring memory. Off by default; the
    /// fuzzing suites turn it on. The event occupies exactly the bytes of the
    /// <see cref="CapturedEvent"/>, so it must hold at least its header's <c>len</c>, as every
    /// event a framework delivers does.
    /// </summary>
    public bool GuardEventMemory { get; init; }

    internal LenientVersion FrameworkApiVersion =>
        new((uint)ApiVersion.Major, (uint)ApiVersion.Minor, (uint)Math.Max(0, ApiVersion.Build));

    internal LenientVersion FrameworkEventSchemaVersion =>
        new((uint)EventSchemaVersion.Major, (uint)EventSchemaVersion.Minor, (uint)Math.Max(0, EventSchemaVersion.Build));
}

/// <summary>A message a plugin sent to the framework's logger.</summary>
/// <param name="Component">The component (the plugin name when the plugin gave none).</param>
/// <param name="Message">The message.</param>
/// <param name="Severity">The severity.</param>
public sealed record LogEntry(string Component, string Message, LogSeverity Severity);

using System.Collections.Generic;

namespace Falco.Plugins.Cli.Running;

/// <summary>What <c>run</c> prints about one event.</summary>
/// <param name="Number">The event number (<c>evt.num</c>), from 1.</param>
/// <param name="Timestamp">The timestamp in nanoseconds since the Unix epoch (<c>evt.rawtime</c>).</param>
/// <param name="Info">The plugin's rendering of the event (<c>evt.plugininfo</c>).</param>
/// <param name="Fields">The requested fields, in the order requested.</param>
/// <param name="Event">For an event replayed from a capture, its type and arguments as libsinsp prints them (<c>evt.type evt.args</c>); otherwise null.</param>
internal sealed record EventSnapshot(ulong Number, ulong Timestamp, string Info, IReadOnlyList<FieldValue> Fields, string? Event = null);

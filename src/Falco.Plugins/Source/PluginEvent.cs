using System;

namespace Falco.Plugins;

/// <summary>An event produced by a push-style source (<see cref="ChannelEventSource"/>, <see cref="AsyncEventSource"/>).</summary>
/// <param name="Payload">The event data.</param>
/// <param name="Timestamp">Nanoseconds since the Unix epoch, or <see cref="EventBatch.NoTimestamp"/> to let the framework assign it.</param>
public readonly record struct PluginEvent(ReadOnlyMemory<byte> Payload, ulong Timestamp = EventBatch.NoTimestamp);

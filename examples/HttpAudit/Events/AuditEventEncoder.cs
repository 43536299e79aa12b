using System;
using System.Collections.Generic;
using System.Net;
using Falco.Plugins.Examples.HttpAudit.Json;

namespace Falco.Plugins.Examples.HttpAudit.Events;

/// <summary>
/// Turns the objects of one request into event payloads (<see cref="AuditEnvelope"/>): each
/// object is compacted in place in the body, then all payloads are written into one array, so
/// a request costs one allocation however many objects it holds.
/// </summary>
internal static class AuditEventEncoder
{
    /// <summary>Fills <paramref name="events"/> with one event per object; returns the payload bytes in total.</summary>
    /// <param name="body">The request body; its objects are compacted in place.</param>
    /// <param name="objects">Where the objects are in <paramref name="body"/>, as <see cref="AuditBody.Split"/> found them.</param>
    /// <param name="remoteAddress">The client address, <see cref="AuditEnvelope.Normalize">normalized</see>.</param>
    /// <param name="remotePort">The client port.</param>
    /// <param name="receivedAt">Nanoseconds since the Unix epoch: the envelope's time and the event timestamp.</param>
    /// <param name="events">Receives the events.</param>
    public static long Encode(Span<byte> body, List<Range> objects, IPAddress remoteAddress, ushort remotePort, ulong receivedAt, List<PluginEvent> events)
    {
        events.Clear();
        int headerSize = AuditEnvelope.HeaderSize(remoteAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 4 : 16);
        long total = 0;
        for (int i = 0; i < objects.Count; i++)
        {
            (int offset, int length) = objects[i].GetOffsetAndLength(body.Length);
            Span<byte> json = body.Slice(offset, length);
            int compacted = JsonValueText.Compact(json, json);
            objects[i] = new Range(offset, offset + compacted);
            total += headerSize + compacted;
        }

        byte[] block = new byte[checked((int)total)];
        int position = 0;
        foreach (Range range in objects)
        {
            ReadOnlySpan<byte> json = body[range];
            int start = position;
            position += AuditEnvelope.WriteHeader(block.AsSpan(position), remoteAddress, remotePort, receivedAt);
            json.CopyTo(block.AsSpan(position));
            position += json.Length;
            events.Add(new PluginEvent(block.AsMemory(start, position - start), receivedAt));
        }

        return total;
    }
}

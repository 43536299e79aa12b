using System;
using System.Text.Json;
using Falco.Plugins.Examples.HttpAudit.Json;

namespace Falco.Plugins.Examples.HttpAudit.Events;

/// <summary>
/// What the extractors read from the current event: its envelope, read on the first field, and
/// an index of its JSON, built on the first JSON field. One object serves every event in turn
/// (an <see cref="EventCache{T}"/> tells when the event changes), so extraction allocates
/// nothing once its buffers fit the events seen.
/// </summary>
internal sealed class ParsedAuditEvent
{
    private readonly JsonIndex _index = new();
    private readonly ScratchBuffer _scratch = new();
    private bool _indexed;

    /// <summary>When the request was received, in nanoseconds since the Unix epoch.</summary>
    public ulong ReceivedAt { get; private set; }

    /// <summary>The client port.</summary>
    public ushort RemotePort { get; private set; }

    /// <summary>Where the JSON starts in the payload.</summary>
    public int JsonOffset { get; private set; }

    /// <summary>Where the client address is in the payload.</summary>
    public Range RemoteAddress { get; private set; }

    /// <summary>Reads the envelope of <paramref name="payload"/>, forgetting the previous event.</summary>
    /// <exception cref="PluginException">The payload does not have the layout of this plugin's events.</exception>
    public ParsedAuditEvent Load(ReadOnlySpan<byte> payload)
    {
        if (!AuditEnvelope.TryRead(payload, out AuditEnvelope envelope))
        {
            throw new PluginException($"the payload is not an httpaudit event of layout version {AuditEnvelope.Version}");
        }

        int addressStart = AuditEnvelope.HeaderSize(0);
        RemoteAddress = new Range(addressStart, addressStart + envelope.RemoteAddress.Length);
        RemotePort = envelope.RemotePort;
        ReceivedAt = envelope.ReceivedAt;
        JsonOffset = envelope.JsonOffset;
        _indexed = false;
        return this;
    }

    /// <summary>
    /// The text of the value that <paramref name="pointer"/> designates in the event's JSON (see
    /// <see cref="JsonValueText"/>), valid until the next call; <see langword="false"/> when the
    /// JSON has no such value.
    /// </summary>
    /// <param name="payload">The payload <see cref="Load"/> read.</param>
    /// <param name="pointer">An RFC 6901 JSON pointer in UTF-8.</param>
    /// <param name="value">The value's text.</param>
    /// <exception cref="PluginException">The pointer is malformed, or the payload's JSON is.</exception>
    public bool TryGetValue(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> pointer, out ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> json = payload.Slice(JsonOffset);
        try
        {
            if (!_indexed)
            {
                _index.Build(json);
                _indexed = true;
            }

            int node = JsonPointer.Resolve(_index, json, pointer, _scratch);
            if (node < 0)
            {
                value = default;
                return false;
            }

            value = JsonValueText.Render(_index[node], json, _scratch);
            return true;
        }
        catch (FormatException ex)
        {
            throw new PluginException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Only a payload that did not come through the server (a damaged capture file) gets here.
            throw new PluginException($"the JSON of the event is malformed: {ex.Message}", ex);
        }
    }
}

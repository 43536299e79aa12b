using System;

namespace Falco.Plugins;

/// <summary>Parses an event payload into the value an <see cref="EventCache{T}"/> keeps.</summary>
/// <typeparam name="T">The parsed representation.</typeparam>
/// <param name="payload">The payload of the event.</param>
public delegate T PayloadParser<T>(ReadOnlySpan<byte> payload);

/// <summary>
/// Keeps what was parsed from the current event so that the payload is parsed once for all
/// the fields requested on that event, across extract calls (the framework usually asks one
/// field per call). Hold one per plugin object and pass a static lambda as parser: a hit
/// allocates nothing.
/// </summary>
/// <typeparam name="T">The parsed representation.</typeparam>
public sealed class EventCache<T>
{
    private ulong _eventNumber = ulong.MaxValue;
    private ulong _timestamp;
    private nint _address;
    private bool _valid;
    private T _value = default!;

    /// <summary>The value parsed from the event of <paramref name="context"/>, parsing it on first use.</summary>
    public T Get(ref ExtractContext context, PayloadParser<T> parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        EventView evt = context.Event;
        ulong timestamp = evt.Timestamp;
        nint address = evt.Address;

        // The framework numbers events uniquely; the timestamp and address also tell apart events
        // that hosts built by hand with the same number.
        if (!_valid || _eventNumber != context.EventNumber || _timestamp != timestamp || _address != address)
        {
            // Invalidate first: if the parser throws, the next call parses again.
            _valid = false;
            _value = parser(context.Payload);
            _eventNumber = context.EventNumber;
            _timestamp = timestamp;
            _address = address;
            _valid = true;
        }

        return _value;
    }

    /// <summary>Forgets the cached value.</summary>
    public void Clear()
    {
        _valid = false;
        _value = default!;
    }
}

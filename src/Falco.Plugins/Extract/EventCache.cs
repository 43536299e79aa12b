using System;

namespace Falco.Plugins;

/// <summary>Parses an event payload into the value an <see cref="EventCache{T}"/> keeps.</summary>
/// <typeparam name="T">The parsed representation.</typeparam>
/// <param name="payload">The payload of the event.</param>
public delegate T PayloadParser<T>(ReadOnlySpan<byte> payload);

/// <summary>Parses a whole event (e.g. an async event's data) into the value an <see cref="EventCache{T}"/> keeps.</summary>
/// <typeparam name="T">The parsed representation.</typeparam>
/// <param name="evt">The event.</param>
public delegate T EventParser<T>(EventView evt);

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
        return IsCurrent(ref context) ? _value : Store(ref context, parser(context.Payload));
    }

    /// <summary>The value parsed from the whole event of <paramref name="context"/>, parsing it on first use.</summary>
    public T Get(ref ExtractContext context, EventParser<T> parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        return IsCurrent(ref context) ? _value : Store(ref context, parser(context.Event));
    }

    private bool IsCurrent(ref ExtractContext context)
    {
        EventView evt = context.Event;

        // The framework numbers events uniquely; the timestamp and address also tell apart events
        // that hosts built by hand with the same number.
        return _valid && _eventNumber == context.EventNumber && _timestamp == evt.Timestamp && _address == evt.Address;
    }

    private T Store(ref ExtractContext context, T value)
    {
        EventView evt = context.Event;
        _value = value;
        _eventNumber = context.EventNumber;
        _timestamp = evt.Timestamp;
        _address = evt.Address;
        _valid = true;
        return value;
    }

    /// <summary>Forgets the cached value.</summary>
    public void Clear()
    {
        _valid = false;
        _value = default!;
    }
}

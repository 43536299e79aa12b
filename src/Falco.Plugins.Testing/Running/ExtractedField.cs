using System;
using System.Collections.Generic;
using System.Net;

namespace Falco.Plugins.Testing;

/// <summary>
/// The values a plugin extracted for one field of one event. Values are <see cref="ulong"/>
/// (uint64, reltime and abstime), <see cref="string"/>, <see cref="bool"/> or
/// <see cref="IPAddress"/> (ipaddr, ipnet), one per list element.
/// </summary>
public sealed class ExtractedField
{
    internal ExtractedField(FieldRequest request, IReadOnlyList<object> values, (uint Start, uint Length)? offset)
    {
        Request = request;
        Values = values;
        Offset = offset;
    }

    /// <summary>The field and argument asked for.</summary>
    public FieldRequest Request { get; }

    /// <summary>The values (empty when the field is absent for the event).</summary>
    public IReadOnlyList<object> Values { get; }

    /// <summary>Whether the event has the field.</summary>
    public bool IsPresent => Values.Count > 0;

    /// <summary>Where the value came from in the event (start from the event start, length), when reported.</summary>
    public (uint Start, uint Length)? Offset { get; }

    /// <summary>The single uint64/reltime/abstime value.</summary>
    public ulong UInt64 => Single<ulong>();

    /// <summary>The single string value.</summary>
    public string String => Single<string>();

    /// <summary>The single bool value.</summary>
    public bool Bool => Single<bool>();

    /// <summary>The single ipaddr/ipnet value.</summary>
    public IPAddress IPAddress => Single<IPAddress>();

    /// <inheritdoc />
    public override string ToString() =>
        IsPresent ? string.Join(",", Values) : "<NA>";

    private T Single<T>()
    {
        if (Values.Count != 1)
        {
            throw new InvalidOperationException($"{Request.Field.Name} has {Values.Count} values, not 1");
        }

        return Values[0] is T value
            ? value
            : throw new InvalidOperationException($"{Request.Field.Name} is a {Request.Field.Type} field, not {typeof(T).Name}");
    }
}

using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Net;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>
/// Every public property of a capture record, nested lists and records included, as one string:
/// two records compare equal field by field when their snapshots do (records compare lists by reference).
/// </summary>
internal static class Snapshot
{
    public static string Of(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IPAddress address => address.ToString(),
        IFormattable formattable when value.GetType().IsPrimitive || value.GetType().IsEnum => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Runtime.CompilerServices.ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Of(tuple[i]))) + ")",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Of)) + "]",
        _ => value.GetType().Name + " { " + string.Join(", ", value.GetType().GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name} = {Of(p.GetValue(value))}")) + " }",
    };
}

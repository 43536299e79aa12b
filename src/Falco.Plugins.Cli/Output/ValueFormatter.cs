using System;
using System.Globalization;
using Falco.Plugins.Cli.Running;

namespace Falco.Plugins.Cli.Output;

/// <summary>Field values as text, the way Falco prints them in outputs.</summary>
internal static class ValueFormatter
{
    /// <summary>The text Falco prints for a field the event lacks.</summary>
    public const string Absent = "<NA>";

    /// <summary>
    /// <see cref="Absent"/> for an absent field, the value for a single one, and
    /// <c>(a,b,c)</c> for a list field.
    /// </summary>
    public static string Format(FieldValue field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.IsPresent)
        {
            return Absent;
        }

        if (!field.IsList && field.Values.Count == 1)
        {
            return Format(field.Values[0]);
        }

        string[] values = new string[field.Values.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Format(field.Values[i]);
        }

        return "(" + string.Join(",", values) + ")";
    }

    /// <summary>One value: numbers in decimal, booleans as <c>true</c>/<c>false</c>, addresses in their usual notation.</summary>
    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

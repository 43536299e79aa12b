using System;
using System.Collections.Generic;
using System.Globalization;

namespace Falco.Plugins.Testing;

/// <summary>
/// A field as a rule names it, <c>name</c> or <c>name[argument]</c>, checked against the
/// plugin's fields with the rules of libsinsp's plugin filtercheck.
/// </summary>
public sealed record FieldRequest(PluginField Field, bool ArgPresent, ulong ArgIndex, string? ArgKey)
{
    /// <summary>Parses <paramref name="text"/> against <paramref name="fields"/>.</summary>
    /// <exception cref="PluginHostException">The field is unknown or its argument breaks the field's rules.</exception>
    public static FieldRequest Parse(string text, IReadOnlyList<PluginField> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        string token = text.Trim();
        PluginField? field = null;
        foreach (PluginField candidate in fields)
        {
            if (token.StartsWith(candidate.Name, StringComparison.Ordinal)
                && (token.Length == candidate.Name.Length || token[candidate.Name.Length] == '[')
                && (field is null || candidate.Name.Length > field.Name.Length))
            {
                field = candidate;
            }
        }

        if (field is null)
        {
            throw new PluginHostException($"filter '{text}': unknown field");
        }

        if (token.Length == field.Name.Length)
        {
            return field.ArgRequired
                ? throw new PluginHostException($"filter '{text}': {field.Name} requires an argument but none provided")
                : new FieldRequest(field, false, 0, null);
        }

        string rest = token.Substring(field.Name.Length + 1);
        if (rest.Length == 0)
        {
            throw new PluginHostException($"filter '{text}': {field.Name} terminates with incomplete argument brackets");
        }

        int close = rest.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            throw new PluginHostException($"filter '{text}': {field.Name} has unbalanced argument brackets");
        }

        string argument = rest.Substring(0, close);
        if (!field.ArgAllowed && !field.ArgRequired)
        {
            throw new PluginHostException($"filter '{text}': {field.Name} does not allow nor require an argument but one is provided: {argument}");
        }

        ulong index = 0;
        if (field.ArgIndex)
        {
            string? problem = IndexProblem(argument, out index);
            if (problem is not null && !field.ArgKey)
            {
                throw new PluginHostException($"filter {text} {field.Name}{problem}{argument}");
            }
        }

        return new FieldRequest(field, true, index, field.ArgKey ? argument : null);
    }

    private static string? IndexProblem(string argument, out ulong index)
    {
        index = 0;
        if (argument.Length == 0 || (argument.Length > 1 && argument[0] == '0'))
        {
            return " has an invalid index argument starting with 0: ";
        }

        foreach (char c in argument)
        {
            if (!char.IsAsciiDigit(c))
            {
                return " has an invalid index argument not composed only by digits: ";
            }
        }

        return ulong.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            ? null
            : " has an invalid index argument not representable on 64 bit: ";
    }
}

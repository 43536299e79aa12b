using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>Field requests for fuzz cases: well-formed ones with extreme arguments, and raw ones a rule could never produce.</summary>
internal static class FuzzFields
{
    private static readonly ulong[] ExtremeIndexes = [0, 1, 2, 3, 10, 255, 65_535, uint.MaxValue, long.MaxValue, ulong.MaxValue];

    /// <summary>A field of <paramref name="fields"/> as a rule would name it, with an argument drawn from extremes when it takes one.</summary>
    public static string Named(Random random, IReadOnlyList<PluginField> fields)
    {
        PluginField field = fields[random.Next(fields.Count)];
        bool withArgument = field.ArgRequired || (field.ArgAllowed && random.Next(2) == 0);
        if (!withArgument)
        {
            return field.Name;
        }

        string argument = field.ArgIndex
            ? Index(random).ToString(CultureInfo.InvariantCulture)
            : Key(random) ?? "";
        return $"{field.Name}[{argument}]";
    }

    /// <summary>Several named fields, for one extract_fields call.</summary>
    public static string[] NamedSet(Random random, IReadOnlyList<PluginField> fields)
    {
        var names = new string[random.Next(1, 4)];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = Named(random, fields);
        }

        return names;
    }

    /// <summary>
    /// A raw request: an unknown field id now and then, an argument present without a key or
    /// index, a key for an index field, extreme indexes, long and odd keys.
    /// </summary>
    public static FieldRequest Raw(Random random, IReadOnlyList<PluginField> fields)
    {
        int id = random.Next(-2, fields.Count + 3);
        PluginField field = id >= 0 && id < fields.Count
            ? fields[id]
            : fields[random.Next(fields.Count)] with { Id = id, Name = "fuzz.unknown" + id.ToString(CultureInfo.InvariantCulture) };
        bool present = random.Next(3) != 0;
        return new FieldRequest(field, present, Index(random), random.Next(2) == 0 ? Key(random) : null);
    }

    private static ulong Index(Random random) =>
        random.Next(3) == 0 ? (ulong)random.NextInt64() : ExtremeIndexes[random.Next(ExtremeIndexes.Length)];

    private static string? Key(Random random)
    {
        switch (random.Next(40))
        {
            case 0:
                return new string('k', random.Next(1_000, 16_000));
            case 1:
            case 2:
                return "";
            case 3:
                return "\u00e9\u4e2d\ud83d\ude00 key";
            case 4:
                return "a b\tc";
            default:
                var builder = new StringBuilder();
                int length = random.Next(1, 24);
                for (int i = 0; i < length; i++)
                {
                    // Printable ASCII without the closing bracket, which would end the argument.
                    char c = (char)random.Next(32, 127);
                    builder.Append(c == ']' ? '_' : c);
                }

                return builder.ToString();
        }
    }
}

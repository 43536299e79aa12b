using System;
using System.Globalization;
using System.Text;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Breaks a JSON text deterministically: values of the wrong kind or out of range, cut text,
/// stray characters, deep nesting, unknown keys, or text that is not JSON at all.
/// </summary>
internal static class JsonMutator
{
    private static readonly string[] Values =
    [
        "-1", "0", "1", "1e400", "-1e400", "1.5", "18446744073709551616", "9223372036854775807", "-9223372036854775808",
        "4294967295", "2147483647", "null", "true", "false", "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}", "[1,2]",
        "\"" + new string('a', 5000) + "\"",
    ];

    /// <summary>A broken or odd variant of <paramref name="valid"/> (now and then <paramref name="valid"/> itself).</summary>
    public static string Mutate(Random random, string valid)
    {
        switch (random.Next(10))
        {
            case 0:
                return valid;
            case 1:
                return valid.Substring(0, random.Next(valid.Length));
            case 2:
                return "";
            case 3:
                return new string('[', random.Next(1, 2000)) + new string(']', random.Next(0, 2000));
            case 4:
                return RandomText(random);
            case 5:
                return valid.Insert(random.Next(valid.Length + 1), ((char)random.Next(32, 127)).ToString());
            case 6:
                return valid.TrimEnd('}') + ", \"unknown" + random.Next(3).ToString(CultureInfo.InvariantCulture) + "\": 1}";
            default:
                return ReplaceValue(random, valid);
        }
    }

    private static string ReplaceValue(Random random, string valid)
    {
        // Replace the value after one of the colons with an odd one.
        int colon = -1;
        int colons = 0;
        for (int i = valid.IndexOf(':', StringComparison.Ordinal); i >= 0; i = valid.IndexOf(':', i + 1))
        {
            colons++;
            if (random.Next(colons) == 0)
            {
                colon = i;
            }
        }

        if (colon < 0)
        {
            return Values[random.Next(Values.Length)];
        }

        int end = colon + 1;
        int depth = 0;
        bool inString = false;
        for (; end < valid.Length; end++)
        {
            char c = valid[end];
            if (c == '"' && valid[end - 1] != '\\')
            {
                inString = !inString;
            }
            else if (!inString && (c == '[' || c == '{'))
            {
                depth++;
            }
            else if (!inString && (c == ']' || c == '}'))
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (!inString && depth == 0 && c == ',')
            {
                break;
            }
        }

        return string.Concat(valid.AsSpan(0, colon + 1), " " + Values[random.Next(Values.Length)], valid.AsSpan(end));
    }

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        int length = random.Next(1, 64);
        for (int i = 0; i < length; i++)
        {
            builder.Append((char)random.Next(1, 0x2FF));
        }

        return builder.ToString();
    }
}

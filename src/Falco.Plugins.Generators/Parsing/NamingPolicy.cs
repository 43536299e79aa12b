using System.Text;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>
/// The JSON naming policies of System.Text.Json (JsonKnownNamingPolicy), reproduced so that
/// the init schema names properties exactly as the serializer reads them.
/// </summary>
internal static class NamingPolicy
{
    public const int Unspecified = 0;
    public const int CamelCase = 1;
    public const int SnakeCaseLower = 2;
    public const int SnakeCaseUpper = 3;
    public const int KebabCaseLower = 4;
    public const int KebabCaseUpper = 5;

    public static string Apply(int policy, string name) => policy switch
    {
        CamelCase => ToCamelCase(name),
        SnakeCaseLower => Separate(name, lowercase: true, '_'),
        SnakeCaseUpper => Separate(name, lowercase: false, '_'),
        KebabCaseLower => Separate(name, lowercase: true, '-'),
        KebabCaseUpper => Separate(name, lowercase: false, '-'),
        _ => name,
    };

    private static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            bool hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    private enum State
    {
        NotStarted,
        UppercaseLetter,
        LowercaseLetterOrDigit,
        SpaceSeparator,
    }

    private static string Separate(string name, bool lowercase, char separator)
    {
        var result = new StringBuilder(name.Length + 8);
        State state = State.NotStarted;
        for (int i = 0; i < name.Length; i++)
        {
            char current = name[i];
            switch (char.GetUnicodeCategory(current))
            {
                case System.Globalization.UnicodeCategory.UppercaseLetter:
                    if (state is State.LowercaseLetterOrDigit or State.SpaceSeparator
                        || (state == State.UppercaseLetter && i + 1 < name.Length && char.IsLower(name[i + 1])))
                    {
                        result.Append(separator);
                    }

                    result.Append(lowercase ? char.ToLowerInvariant(current) : current);
                    state = State.UppercaseLetter;
                    break;

                case System.Globalization.UnicodeCategory.LowercaseLetter:
                case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                    if (state == State.SpaceSeparator)
                    {
                        result.Append(separator);
                    }

                    result.Append(!lowercase && char.IsLower(current) ? char.ToUpperInvariant(current) : current);
                    state = State.LowercaseLetterOrDigit;
                    break;

                case System.Globalization.UnicodeCategory.SpaceSeparator:
                    if (state != State.NotStarted)
                    {
                        state = State.SpaceSeparator;
                    }

                    break;

                default:
                    result.Append(current);
                    state = State.NotStarted;
                    break;
            }
        }

        return result.ToString();
    }
}

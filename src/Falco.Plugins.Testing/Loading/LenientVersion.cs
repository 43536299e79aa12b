using System.Globalization;

namespace Falco.Plugins.Testing.Loading;

/// <summary>Versions as the framework parses them: <c>sscanf("%u.%u.%u")</c>, which ignores what follows the patch.</summary>
internal readonly record struct LenientVersion(uint Major, uint Minor, uint Patch)
{
    public static bool TryParse(string text, out LenientVersion version)
    {
        version = default;
        string[] parts = text.TrimStart().Split('.', 3);
        if (parts.Length != 3 || !TryNumber(parts[0], out uint major) || !TryNumber(parts[1], out uint minor) || !TryLeadingNumber(parts[2], out uint patch))
        {
            return false;
        }

        version = new LenientVersion(major, minor, patch);
        return true;
    }

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    private static bool TryNumber(string text, out uint value) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryLeadingNumber(string text, out uint value)
    {
        int end = 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        value = 0;
        return end > 0 && TryNumber(text[..end], out value);
    }
}

namespace Falco.Plugins.Generators.Parsing;

/// <summary>Validation of the names and versions the framework and Falco's rule grammar accept.</summary>
internal static class Naming
{
    /// <summary>
    /// Whether a field name can appear in a Falco condition: ASCII letters, digits, '_' and '.',
    /// starting with a letter, with no empty part between dots.
    /// </summary>
    public static bool IsValidFieldName(string name)
    {
        if (name.Length == 0 || !IsAsciiLetter(name[0]) || name[name.Length - 1] == '.')
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '.')
            {
                if (name[i - 1] == '.')
                {
                    return false;
                }
            }
            else if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a plugin name is usable in falco.yaml: non-empty, letters, digits, '_', '-', '.'.</summary>
    public static bool IsValidPluginName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a version is semantic: major.minor.patch, optional -prerelease and +build.</summary>
    public static bool IsSemanticVersion(string version)
    {
        int end = version.Length;
        int plus = version.IndexOf('+');
        if (plus >= 0)
        {
            if (!IsIdentifierList(version.Substring(plus + 1), allowLeadingZeros: true))
            {
                return false;
            }

            end = plus;
        }

        string core = version.Substring(0, end);
        int dash = core.IndexOf('-');
        if (dash >= 0)
        {
            if (!IsIdentifierList(core.Substring(dash + 1), allowLeadingZeros: false))
            {
                return false;
            }

            core = core.Substring(0, dash);
        }

        string[] parts = core.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        foreach (string part in parts)
        {
            if (!IsNumber(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierList(string text, bool allowLeadingZeros)
    {
        foreach (string identifier in text.Split('.'))
        {
            if (identifier.Length == 0)
            {
                return false;
            }

            bool numeric = true;
            foreach (char c in identifier)
            {
                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-')
                {
                    return false;
                }

                numeric &= c >= '0' && c <= '9';
            }

            if (numeric && !allowLeadingZeros && !IsNumber(identifier))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumber(string part)
    {
        if (part.Length == 0 || (part.Length > 1 && part[0] == '0'))
        {
            return false;
        }

        foreach (char c in part)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

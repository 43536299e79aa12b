using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Falco.Plugins.Generators.Events;

/// <summary>
/// The C# names of event codes, parameter accessors and encoder arguments. The rules are
/// deterministic, so that names stay stable across schema versions that keep the libscap names.
/// </summary>
internal static class EventNaming
{
    /// <summary>Members every typed view declares, which parameter accessors must not reuse.</summary>
    private static readonly HashSet<string> ViewMembers = new()
    {
        "Code", "Timestamp", "ThreadId", "ParamCount", "Event", "TryRead", "Encode", "TryWrite", "WriteParameters",
        "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Arguments every encoder declares, which parameter arguments must not reuse.</summary>
    private static readonly HashSet<string> EncoderArguments = new() { "timestamp", "threadId", "destination", "written", "writer", "measure", "encoded" };

    /// <summary>
    /// The name of an event code: drop <c>PPME_</c>, PascalCase each <c>_</c>-separated word
    /// (first letter upper, the rest lower, digits kept), and spell the final <c>_E</c>/<c>_X</c>
    /// as <c>Enter</c>/<c>Exit</c>: <c>PPME_SYSCALL_OPENAT_2_X</c> is <c>SyscallOpenat2Exit</c>.
    /// </summary>
    public static string BaseTypeName(string enumName)
    {
        string body = enumName.StartsWith("PPME_", System.StringComparison.Ordinal) ? enumName.Substring(5) : enumName;
        string direction = string.Empty;
        if (body.EndsWith("_E", System.StringComparison.Ordinal))
        {
            direction = "Enter";
            body = body.Substring(0, body.Length - 2);
        }
        else if (body.EndsWith("_X", System.StringComparison.Ordinal))
        {
            direction = "Exit";
            body = body.Substring(0, body.Length - 2);
        }

        var name = new StringBuilder();
        foreach (string word in body.Split('_'))
        {
            if (word.Length > 0)
            {
                name.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1).ToLowerInvariant());
            }
        }

        return Identifier(name.Append(direction).ToString());
    }

    /// <summary>
    /// The names of all codes, in code order. When two codes would share a name (the version
    /// suffix of <c>PPME_SYSCALL_OPENAT_2_E</c> and the syscall <c>PPME_SYSCALL_OPENAT2_E</c>
    /// both give <c>SyscallOpenat2Enter</c>), the lower code keeps it and the higher one gets
    /// its code number appended: <c>SyscallOpenat2Enter326</c>.
    /// </summary>
    public static string[] TypeNames(IReadOnlyList<string> enumNames)
    {
        var names = new string[enumNames.Count];
        var taken = new HashSet<string>();
        for (int code = 0; code < enumNames.Count; code++)
        {
            string name = BaseTypeName(enumNames[code]);
            if (!taken.Add(name))
            {
                name += code.ToString(System.Globalization.CultureInfo.InvariantCulture);
                taken.Add(name);
            }

            names[code] = name;
        }

        return names;
    }

    /// <summary>
    /// The accessor names of an event's parameters: each <c>_</c>-separated word with its first
    /// letter upper and the rest as written (<c>fd</c> → <c>Fd</c>, <c>nativeID</c> →
    /// <c>NativeID</c>, <c>sem_flg_0</c> → <c>SemFlg0</c>). A name that would clash with a member
    /// of the view or with another parameter's members gets <c>Param</c> appended, then its index.
    /// </summary>
    public static string[] MemberNames(string typeName, IReadOnlyList<string> paramNames, IReadOnlyList<bool> hasStringHelper)
    {
        var taken = new HashSet<string>(ViewMembers) { typeName };
        var names = new string[paramNames.Count];
        for (int i = 0; i < paramNames.Count; i++)
        {
            string candidate = BaseMemberName(paramNames[i]);
            if (!TryTake(taken, candidate, hasStringHelper[i]))
            {
                candidate += "Param";
                if (!TryTake(taken, candidate, hasStringHelper[i]))
                {
                    candidate += i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    TryTake(taken, candidate, hasStringHelper[i]);
                }
            }

            names[i] = candidate;
        }

        return names;
    }

    /// <summary>The members generated for a parameter accessor called <paramref name="member"/>.</summary>
    public static IEnumerable<string> AccessorMembers(string member, bool hasStringHelper) =>
        hasStringHelper ? new[] { member, "TryGet" + member, "Get" + member + "String" } : new[] { member, "TryGet" + member };

    /// <summary>The encoder argument names: the accessor name in camelCase, kept clear of the fixed arguments and of keywords.</summary>
    public static string[] ArgumentNames(IReadOnlyList<string> memberNames)
    {
        var taken = new HashSet<string>(EncoderArguments);
        var names = new string[memberNames.Count];
        for (int i = 0; i < memberNames.Count; i++)
        {
            string member = memberNames[i];
            string name = member.All(c => !char.IsLower(c))
                ? member.ToLowerInvariant()
                : char.ToLowerInvariant(member[0]) + member.Substring(1);
            if (!taken.Add(name))
            {
                name += "Value" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                taken.Add(name);
            }

            names[i] = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
                ? "@" + name
                : name;
        }

        return names;
    }

    private static string BaseMemberName(string paramName)
    {
        var name = new StringBuilder();
        foreach (string word in paramName.Split('_'))
        {
            if (word.Length > 0)
            {
                name.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }
        }

        return Identifier(name.ToString());
    }

    private static bool TryTake(HashSet<string> taken, string member, bool hasStringHelper)
    {
        string[] members = AccessorMembers(member, hasStringHelper).ToArray();
        if (members.Any(taken.Contains))
        {
            return false;
        }

        foreach (string m in members)
        {
            taken.Add(m);
        }

        return true;
    }

    /// <summary>Keeps letters, digits and '_'; a name that would be empty or start with a digit gets a leading letter.</summary>
    private static string Identifier(string text)
    {
        var name = new StringBuilder(text.Length + 1);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                name.Append(c);
            }
        }

        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name.Insert(0, 'P');
        }

        return name.ToString();
    }
}

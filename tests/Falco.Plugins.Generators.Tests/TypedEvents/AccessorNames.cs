using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// The accessor names of a typed view, derived again from the documented rule: each
/// <c>_</c>-separated word of the parameter name with its first letter upper; <c>Param</c>
/// appended on a clash with a view member or with another parameter's members.
/// </summary>
internal static class AccessorNames
{
    private static readonly string[] ViewMembers =
        ["Code", "Timestamp", "ThreadId", "ParamCount", "Event", "TryRead", "Encode", "TryWrite", "WriteParameters", "Equals", "GetHashCode", "ToString", "GetType"];

    public static string[] For(EventInfo info)
    {
        var taken = new HashSet<string>(ViewMembers) { info.TypeName };
        var names = new string[info.ParamCount];
        for (int i = 0; i < info.ParamCount; i++)
        {
            bool text = IsText(info.Parameters[i].Type);
            string name = Pascal(info.Parameters[i].Name);
            if (!Take(taken, name, text))
            {
                name += "Param";
                if (!Take(taken, name, text))
                {
                    name += i;
                    Take(taken, name, text);
                }
            }

            names[i] = name;
        }

        return names;
    }

    public static bool IsText(ParamType type) => type is ParamType.CharBuf or ParamType.FsPath or ParamType.FsRelPath;

    private static bool Take(HashSet<string> taken, string name, bool text)
    {
        string[] members = text ? [name, "TryGet" + name, "Get" + name + "String"] : [name, "TryGet" + name];
        if (members.Any(taken.Contains))
        {
            return false;
        }

        taken.UnionWith(members);
        return true;
    }

    private static string Pascal(string name)
    {
        var text = new StringBuilder();
        foreach (string word in name.Split('_'))
        {
            if (word.Length > 0)
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
        }

        string result = new(text.ToString().Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
        return result.Length == 0 || char.IsDigit(result[0]) ? "P" + result : result;
    }
}

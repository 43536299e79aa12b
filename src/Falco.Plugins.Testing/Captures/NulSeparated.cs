using System;
using System.Collections.Generic;
using System.Text;

namespace Falco.Plugins.Testing.Captures;

/// <summary>The NUL-separated string lists of a process list entry (args, env, cgroups), split as libsinsp splits them.</summary>
internal static class NulSeparated
{
    /// <summary>Each NUL-terminated string in turn; a last string without a terminator counts too.</summary>
    public static IReadOnlyList<string> Split(ReadOnlySpan<byte> bytes)
    {
        var strings = new List<string>();
        while (!bytes.IsEmpty)
        {
            int end = bytes.IndexOf((byte)0);
            ReadOnlySpan<byte> item = end < 0 ? bytes : bytes[..end];
            strings.Add(Encoding.UTF8.GetString(item));
            bytes = end < 0 ? [] : bytes[(end + 1)..];
        }

        return strings;
    }

    /// <summary>The <c>subsystem=path</c> entries of a cgroups list; entries without '=' are left out.</summary>
    public static IReadOnlyList<(string Subsystem, string Path)> SplitCgroups(ReadOnlySpan<byte> bytes)
    {
        var cgroups = new List<(string, string)>();
        foreach (string entry in Split(bytes))
        {
            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                cgroups.Add((entry[..equals], entry[(equals + 1)..]));
            }
        }

        return cgroups;
    }
}

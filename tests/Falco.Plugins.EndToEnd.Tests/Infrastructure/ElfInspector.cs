using System;
using System.Collections.Generic;
using System.Linq;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>What binutils says about a shared library: exported symbols and dynamic flags.</summary>
internal static class ElfInspector
{
    /// <summary>The names of the defined dynamic symbols (functions and data), without version suffixes.</summary>
    public static IReadOnlyList<string> ExportedSymbols(string library)
    {
        ProcessRunner.Result result = ProcessRunner.Run("nm", ["-D", "--defined-only", library], TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"nm failed: {result.Error}");
        }

        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 3 && parts[1] != "A")
            .Select(parts => parts[2].Split('@')[0])
            .ToList();
    }

    /// <summary>The output of readelf -d.</summary>
    public static string DynamicSection(string library)
    {
        ProcessRunner.Result result = ProcessRunner.Run("readelf", ["-d", library], TimeSpan.FromMinutes(1));
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"readelf failed: {result.Error}");
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>
/// The System.Text.Json source generator of the installed SDK. Snippets with a typed config
/// need it: the generated exports reference the JsonTypeInfo property that it adds to the
/// JsonSerializerContext, so without it the final compilation would not compile.
/// It is taken from the reference pack of the running runtime
/// (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/analyzers/dotnet/cs</c>), which is built
/// against Roslyn 4.4 and so loads next to the Roslyn 4.8 of these tests.
/// </summary>
internal static class JsonSourceGenerator
{
    private const string FileName = "System.Text.Json.SourceGeneration.dll";
    private static readonly Lazy<ISourceGenerator> Instance = new(Load);

    public static ISourceGenerator Generator => Instance.Value;

    private static ISourceGenerator Load()
    {
        string path = Locate();
        var reference = new AnalyzerFileReference(path, new LoadFromPathLoader());
        return reference.GetGenerators(LanguageNames.CSharp).Single();
    }

    private static string Locate()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ -> <dotnet root>/packs/Microsoft.NETCore.App.Ref/
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string runtimeVersion = Path.GetFileName(runtimeDirectory);

        IEnumerable<string> candidates = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .OrderByDescending(dir => Path.GetFileName(dir) == runtimeVersion)
                .ThenByDescending(dir => Version.TryParse(Path.GetFileName(dir).Split('-')[0], out Version? v) ? v : new Version())
                .Select(dir => Path.Combine(dir, "analyzers", "dotnet", "cs", FileName))
            : [];

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"No {FileName} under {packs}: the .NET SDK reference pack of the running runtime is needed by the generator tests.");
    }

    /// <summary>Loads analyzer assemblies into the default context, where Roslyn already is.</summary>
    private sealed class LoadFromPathLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>
/// The assemblies a snippet compiles against: the framework assemblies of the running runtime
/// (its trusted platform assemblies that live in the framework directory) plus Falco.Plugins and
/// the logging abstractions it depends on.
/// </summary>
internal static class MetadataReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> ForSnippets => All.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime does not list its trusted platform assemblies.");

        // The list also holds the test's own dependencies (xunit, Roslyn, the generator):
        // a plugin project does not see those, so keep the framework directory only.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<string> framework = trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));

        return framework
            .Append(typeof(FalcoPluginAttribute).Assembly.Location)

            // A dependency of Falco.Plugins that plugin projects see too (ILogger).
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

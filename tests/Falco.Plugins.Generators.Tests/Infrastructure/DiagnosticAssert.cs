using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>Assertions on the diagnostics of a generator run.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that the run reported <paramref name="id"/> exactly once, with the given
    /// severity, located on <paramref name="spanText"/>; returns its message.
    /// </summary>
    public static string Reported(GeneratorRun run, string id, DiagnosticSeverity severity, string spanText)
    {
        Diagnostic[] matches = run.Diagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matches.Length == 1, $"Expected one {id}, got: {GeneratorRun.Describe(run.Diagnostics)}");
        Diagnostic diagnostic = matches[0];
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(spanText, SpanText(run, diagnostic));
        return diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    /// <summary>The source text a diagnostic points at.</summary>
    public static string SpanText(GeneratorRun run, Diagnostic diagnostic)
    {
        Assert.True(diagnostic.Location != Location.None, $"{diagnostic.Id} has no location: {diagnostic}");
        string path = diagnostic.Location.GetLineSpan().Path;
        SyntaxTree tree = run.Input.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}

using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>What one run of the plugin generator over a snippet produced.</summary>
internal sealed class GeneratorRun
{
    // Binding the whole output compilation is the slow part of a test: do it once.
    private readonly Lazy<ImmutableArray<Diagnostic>> _outputDiagnostics;

    public GeneratorRun(CSharpCompilation input, Compilation output, GeneratorRunResult result)
    {
        Input = input;
        Output = output;
        Diagnostics = result.Diagnostics;
        Sources = result.GeneratedSources;
        _outputDiagnostics = new(() => output.GetDiagnostics());
    }

    /// <summary>The snippet compilation the generator ran on.</summary>
    public CSharpCompilation Input { get; }

    /// <summary>The snippet compilation with everything the generators added.</summary>
    public Compilation Output { get; }

    /// <summary>The diagnostics the plugin generator reported (not those of System.Text.Json's).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The sources the plugin generator added.</summary>
    public ImmutableArray<GeneratedSourceResult> Sources { get; }

    /// <summary>The single exports file of the plugin; fails when there is not exactly one.</summary>
    public SyntaxTree Exports
    {
        get
        {
            Assert.True(Sources.Length == 1, $"Expected one generated source, got {Sources.Length}; generator diagnostics: {Describe(Diagnostics)}");
            return Sources[0].SyntaxTree;
        }
    }

    /// <summary>The errors of the final compilation (snippet plus generated code).</summary>
    public ImmutableArray<Diagnostic> CompilationErrors =>
        _outputDiagnostics.Value.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>The warnings and errors of the final compilation that are located in the plugin generator's code.</summary>
    public ImmutableArray<Diagnostic> GeneratedCodeProblems
    {
        get
        {
            ImmutableHashSet<string> generated = Sources.Select(s => s.SyntaxTree.FilePath).ToImmutableHashSet();
            return _outputDiagnostics.Value
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree.FilePath))
                .ToImmutableArray();
        }
    }

    /// <summary>Asserts that the generator reported nothing and that the snippet with its exports compiles cleanly.</summary>
    public void AssertCleanBuild()
    {
        Assert.True(Diagnostics.IsEmpty, "Generator diagnostics: " + Describe(Diagnostics));
        Assert.True(CompilationErrors.IsEmpty, "Compilation errors: " + Describe(CompilationErrors));
        Assert.True(GeneratedCodeProblems.IsEmpty, "Problems in the generated code: " + Describe(GeneratedCodeProblems));
    }

    public static string Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsEmpty ? "(none)" : string.Join("\n", diagnostics.Select(d => d.ToString()));
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Falco.Plugins.Generators.Events;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Falco.Plugins.Generators.Tests.SchemaGenerator;

/// <summary>Runs the event schema generator over additional files, the way the Falco.Plugins build does.</summary>
internal sealed class SchemaGeneratorRun
{
    private SchemaGeneratorRun(GeneratorRunResult result)
    {
        Result = result;
    }

    public GeneratorRunResult Result { get; }

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

    /// <summary>The text of the source with hint name <paramref name="hintName"/>.</summary>
    public string Source(string hintName) =>
        Sources.SingleOrDefault(s => s.HintName == hintName).SourceText?.ToString()
        ?? throw new InvalidOperationException($"No source {hintName}; got: {string.Join(", ", Sources.Select(s => s.HintName))}");

    /// <summary>The message of the single <c>#error</c> the generator emitted.</summary>
    public string Error
    {
        get
        {
            Assert.True(Sources.Length == 1, $"Expected one error source, got: {string.Join(", ", Sources.Select(s => s.HintName))}");
            string text = Sources[0].SourceText.ToString();
            const string marker = "#error Falco.Plugins event schema: ";
            int start = text.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(start >= 0, text);
            return text.Substring(start + marker.Length).TrimEnd();
        }
    }

    public static SchemaGeneratorRun Run(params (string Path, string Text)[] files) =>
        Run(GeneratorHarness.Compile("namespace Empty;"), files);

    public static SchemaGeneratorRun Run(CSharpCompilation compilation, params (string Path, string Text)[] files)
    {
        var generator = new EventSchemaGenerator();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            GeneratorHarness.ParseOptions);
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.True(result.Exception is null, $"The schema generator threw: {result.Exception}");
        Assert.Empty(result.Diagnostics);
        return new SchemaGeneratorRun(result);
    }

    /// <summary>
    /// Compiles the generated sources together with the SDK's hand-written syscall types and
    /// their rendering (read from the repository) and a stand-in for <c>EventView</c>, and returns
    /// the errors and warnings. Generated code uses SDK internals, so it cannot compile against
    /// Falco.Plugins.dll.
    /// </summary>
    public ImmutableArray<Diagnostic> CompileWithSdkSources()
    {
        string directory = RepositoryPath("src/Falco.Plugins/Syscalls");
        IEnumerable<SyntaxTree> handWritten = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorHarness.ParseOptions, path));
        SyntaxTree eventView = CSharpSyntaxTree.ParseText(
            "namespace Falco.Plugins { public readonly ref struct EventView { public System.ReadOnlySpan<byte> Raw => default; } }",
            GeneratorHarness.ParseOptions,
            "EventView.cs");
        IEnumerable<SyntaxTree> generated = Sources.Select(s => CSharpSyntaxTree.ParseText(s.SourceText, GeneratorHarness.ParseOptions, s.HintName));

        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<MetadataReference> framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path));

        CSharpCompilation compilation = CSharpCompilation.Create(
            "SyscallsUnderTest",
            handWritten.Append(eventView).Concat(generated),
            framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
    }

    /// <summary>A path inside the repository, found from the test's output directory upwards.</summary>
    public static string RepositoryPath(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Not found above " + AppContext.BaseDirectory, relative);
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>Compiles C# snippets in memory and runs the plugin generator on them, the way a plugin project build does.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        allowUnsafe: true,
        nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>A compilation of the snippets; the first is the file <c>Plugin.cs</c>, the next ones <c>Other1.cs</c>, ...</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "TestPlugin",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, i == 0 ? "Plugin.cs" : $"Other{i}.cs")),
            MetadataReferences.ForSnippets,
            CompilationOptions);

    /// <summary>Runs the plugin generator (and System.Text.Json's, which typed configs need) on a snippet.</summary>
    public static GeneratorRun Run(string source, params (string Name, string Value)[] buildProperties) =>
        Run(Compile(source), buildProperties);

    public static GeneratorRun Run(CSharpCompilation compilation, params (string Name, string Value)[] buildProperties)
    {
        ISourceGenerator plugin = new PluginGenerator().AsSourceGenerator();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [plugin, JsonSourceGenerator.Generator],
            additionalTexts: null,
            ParseOptions,
            Properties(buildProperties));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

        GeneratorRunResult result = driver.GetRunResult().Results.Single(r => ReferenceEquals(r.Generator, plugin));
        Assert.True(result.Exception is null, $"The plugin generator threw: {result.Exception}");
        return new GeneratorRun(compilation, output, result);
    }

    /// <summary>A driver of the plugin generator alone that records the state of every incremental step.</summary>
    public static GeneratorDriver TrackingDriver(params (string Name, string Value)[] buildProperties) =>
        CSharpGeneratorDriver.Create(
            [new PluginGenerator().AsSourceGenerator()],
            additionalTexts: null,
            ParseOptions,
            Properties(buildProperties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static BuildProperties Properties((string Name, string Value)[] properties) =>
        new(properties.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
}

using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Falco.Plugins.Generators.Tests;

/// <summary>
/// The generator's models are compared by value, so that the IDE does not re-emit the exports
/// on every keystroke: unchanged inputs must give cached outputs.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Plugin = Snippets.Usings + """
        public sealed class TestConfig
        {
            [Description("The level")]
            public int Level { get; set; } = 3;
            public List<string> Names { get; set; } = new();
            public Dictionary<string, Mode> Modes { get; set; } = new();
            public Func<int>? Odd { get; set; }
        }

        public enum Mode { Fast, Slow }

        [JsonSerializable(typeof(TestConfig))]
        [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
        internal sealed partial class TestJsonContext : JsonSerializerContext;

        public sealed class TestInstance : IEventSourceInstance, IProgressReporter
        {
            public BatchStatus NextBatch(EventBatch batch) => BatchStatus.Eof;
            public Progress GetProgress() => new(0);
        }

        [FalcoPlugin("test", Version = "1.0.0")]
        [ExtractEventSources("test")]
        public sealed partial class TestPlugin : IPlugin<TestConfig>, IEventSource<TestInstance>, IFieldExtractor
        {
            public TestPlugin(TestConfig config, PluginLogger logger) { }

            public static uint SourceId => 7;
            public static string EventSource => "test";
            public TestInstance Open(string parameters) => new();

            [Field("test.value", "The value", Arg = FieldArg.OptionalKey, Properties = FieldProperties.Info)]
            public ulong Value(ref ExtractContext context, string? key) => 1;

            [Field("test.names", "The names")]
            public List<string> Names(ref ExtractContext context) => new();
        }
        """;

    private const string Unrelated = """
        namespace TestPlugins;

        public static class Helper
        {
            public static int Twice(int value) => value * 2;
        }
        """;

    [Fact]
    public void Second_run_on_the_same_compilation_is_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Plugin, Unrelated);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(compilation);

        AssertOutputsCached(driver);
    }

    [Fact]
    public void Unrelated_edit_in_another_file_keeps_the_outputs_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Plugin, Unrelated);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(compilation, "Other1.cs", Unrelated.Replace("value * 2", "value + value", System.StringComparison.Ordinal)));

        AssertOutputsCached(driver);
    }

    [Fact]
    public void Reparsed_plugin_file_gives_equal_models_and_cached_outputs()
    {
        // A new syntax tree with the same text makes the generator parse the plugin again: only
        // models that compare by value (no symbols, no syntax, no reference-equal arrays) cache.
        CSharpCompilation compilation = GeneratorHarness.Compile(Plugin, Unrelated);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(compilation, "Plugin.cs", Plugin));

        AssertOutputsCached(driver);
    }

    [Fact]
    public void Build_properties_are_an_input_too()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Plugin, Unrelated);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(new BuildProperties([new("FalcoPluginDiagnostics", "true")])).RunGenerators(compilation);

        Assert.Contains(OutputReasons(driver), r => r == IncrementalStepRunReason.Modified);
        Assert.Contains("falco_plugin_sdk_allocated_bytes", GeneratedExports.EntryPoints(driver.GetRunResult().GeneratedTrees.Single()));
    }

    [Fact]
    public void Edit_of_a_field_changes_the_output()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Plugin, Unrelated);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(compilation, "Plugin.cs", Plugin.Replace("\"The value\"", "\"The new value\"", System.StringComparison.Ordinal)));

        Assert.Contains(OutputReasons(driver), r => r == IncrementalStepRunReason.Modified);
        Assert.Contains("The new value", driver.GetRunResult().GeneratedTrees.Single().ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_of_the_config_type_changes_the_output()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Plugin, Unrelated);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(Replace(compilation, "Plugin.cs", Plugin.Replace("= 3;", "= 4;", System.StringComparison.Ordinal)));

        Assert.Contains(OutputReasons(driver), r => r == IncrementalStepRunReason.Modified);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));
    }

    private static void AssertOutputsCached(GeneratorDriver driver)
    {
        IEnumerable<IncrementalStepRunReason> reasons = OutputReasons(driver);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"An output step ran again ({reason}): a model is probably not equatable."));
    }

    private static IncrementalStepRunReason[] OutputReasons(GeneratorDriver driver)
    {
        GeneratorRunResult result = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(result.Exception);
        return [.. result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason)];
    }
}

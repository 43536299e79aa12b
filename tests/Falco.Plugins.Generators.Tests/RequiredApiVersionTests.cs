using Falco.Plugins.Generators.Tests.Infrastructure;

namespace Falco.Plugins.Generators.Tests;

/// <summary>The plugin reports the lowest plugin API version its features need (see ApiVersionRules).</summary>
public sealed class RequiredApiVersionTests
{
    [Fact]
    public void Base_plugin_requires_3_0_0()
    {
        AssertRequired(Snippets.Extractor(Snippets.ValueField), "3.0.0");
    }

    [Fact]
    public void Source_plugin_requires_3_0_0()
    {
        AssertRequired(Snippets.Source("7", "\"test\""), "3.0.0");
    }

    [Fact]
    public void Logger_constructor_parameter_requires_3_4_0()
    {
        AssertRequired(Snippets.Extractor("public TestPlugin(PluginContext context, PluginLogger logger) { }\n" + Snippets.ValueField), "3.4.0");
    }

    [Fact]
    public void Context_constructor_parameter_alone_does_not_raise_the_version()
    {
        AssertRequired(Snippets.Extractor("public TestPlugin(PluginContext context) { }\n" + Snippets.ValueField), "3.0.0");
    }

    [Fact]
    public void Field_reporting_offsets_requires_3_11_0()
    {
        AssertRequired(Snippets.Extractor("""
                [Field("test.value", "The value", ReportsOffsets = true)]
                public ulong Value(ref ExtractContext context) => 1;
            """), "3.11.0");
    }

    [Fact]
    public void Logging_and_offsets_require_the_higher_of_both()
    {
        AssertRequired(Snippets.Extractor("""
                public TestPlugin(PluginLogger logger) { }

                [Field("test.value", "The value", ReportsOffsets = true)]
                public ulong Value(ref ExtractContext context) => 1;
            """), "3.11.0");
    }

    [Fact]
    public void Explicit_required_version_above_the_floor_is_reported()
    {
        AssertRequired(Snippets.Extractor(Snippets.ValueField, """[FalcoPlugin("test", Version = "1.0.0", RequiredApiVersion = "3.6.0")]"""), "3.6.0");
    }

    [Fact]
    public void Explicit_required_version_above_what_logging_needs_is_reported()
    {
        AssertRequired(
            Snippets.Extractor("public TestPlugin(PluginLogger logger) { }\n" + Snippets.ValueField, """[FalcoPlugin("test", Version = "1.0.0", RequiredApiVersion = "3.12.0")]"""),
            "3.12.0");
    }

    [Fact]
    public void Add_output_does_not_raise_the_version()
    {
        AssertRequired(Snippets.Extractor("""
                [Field("test.value", "The value", AddOutput = true)]
                public ulong Value(ref ExtractContext context) => 1;
            """), "3.0.0");
    }

    private static void AssertRequired(string source, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        run.AssertCleanBuild();
        Assert.Equal(expected, GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));

        // The runtime reads optional input members according to the minor in the descriptor: it must agree.
        Assert.Equal(expected.Split('.')[1], GeneratedExports.DescriptorArgument(run.Exports, 1));
    }
}

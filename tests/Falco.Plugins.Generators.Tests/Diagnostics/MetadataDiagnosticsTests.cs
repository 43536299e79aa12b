using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about the [FalcoPlugin] attribute: name, version, required API version.</summary>
public sealed class MetadataDiagnosticsTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3.4")]
    [InlineData("1.0.0-")]
    [InlineData("")]
    public void FALCO0006_version_not_semantic(string version)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField, $"[FalcoPlugin(\"test\", Version = \"{version}\")]"));

        string message = DiagnosticAssert.Reported(run, "FALCO0006", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains($"'{version}'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("0.1.0")]
    [InlineData("10.20.30")]
    [InlineData("1.0.0-rc.1")]
    [InlineData("1.0.0-alpha+build.007")]
    public void Semantic_versions_are_accepted(string version)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField, $"[FalcoPlugin(\"test\", Version = \"{version}\")]"));

        run.AssertCleanBuild();
        Assert.Equal(version, GeneratedExports.Utf8Literal(run.Exports, "GetVersion"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("my plugin")]
    [InlineData("a/b")]
    [InlineData("plugin!")]
    public void FALCO0014_invalid_plugin_name(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField, $"[FalcoPlugin(\"{name}\", Version = \"1.0.0\")]"));

        string message = DiagnosticAssert.Reported(run, "FALCO0014", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains($"'{name}'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("3.0.0", "3.4.0")]
    [InlineData("3.3.9", "3.4.0")]
    [InlineData("three", "3.4.0")]
    public void FALCO0018_required_api_version_below_what_logging_needs(string requested, string needed)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(
            "public TestPlugin(PluginLogger logger) { }\n" + Snippets.ValueField,
            $"[FalcoPlugin(\"test\", Version = \"1.0.0\", RequiredApiVersion = \"{requested}\")]"));

        string message = DiagnosticAssert.Reported(run, "FALCO0018", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains($"'{requested}'", message, StringComparison.Ordinal);
        Assert.Contains(needed, message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0018_required_api_version_below_what_value_offsets_need()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(
            """
                [Field("test.value", "The value", ReportsOffsets = true)]
                public ulong Value(ref ExtractContext context) => 1;
            """,
            "[FalcoPlugin(\"test\", Version = \"1.0.0\", RequiredApiVersion = \"3.10.0\")]"));

        string message = DiagnosticAssert.Reported(run, "FALCO0018", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("3.11.0", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("three")]
    [InlineData("4.0.0")]
    public void FALCO0018_required_api_version_that_is_not_a_3x_version(string requested)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(
            Snippets.ValueField,
            $"[FalcoPlugin(\"test\", Version = \"1.0.0\", RequiredApiVersion = \"{requested}\")]"));

        string message = DiagnosticAssert.Reported(run, "FALCO0018", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains($"'{requested}' must be a 3.x.y version of at least 3.0.0", message, StringComparison.Ordinal);
    }
}

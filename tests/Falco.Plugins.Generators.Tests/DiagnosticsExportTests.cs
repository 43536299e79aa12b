using Falco.Plugins.Generators.Tests.Infrastructure;

namespace Falco.Plugins.Generators.Tests;

/// <summary>The FalcoPluginDiagnostics build property adds the benchmark-only exports (allocated bytes, GC collections), and nothing else does.</summary>
public sealed class DiagnosticsExportTests
{
    private const string Export = "falco_plugin_sdk_allocated_bytes";
    private const string GcExport = "falco_plugin_sdk_gc_collections";

    [Fact]
    public void Export_is_absent_without_the_property()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField));

        run.AssertCleanBuild();
        Assert.DoesNotContain(Export, GeneratedExports.EntryPoints(run.Exports));
        Assert.DoesNotContain(GcExport, GeneratedExports.EntryPoints(run.Exports));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void Export_is_added_when_the_property_is_true(string value)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField), ("FalcoPluginDiagnostics", value));

        run.AssertCleanBuild();
        Assert.Contains(Export, GeneratedExports.EntryPoints(run.Exports));
        Assert.Contains(GcExport, GeneratedExports.EntryPoints(run.Exports));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("")]
    [InlineData("1")]
    public void Export_is_absent_when_the_property_is_not_true(string value)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField), ("FalcoPluginDiagnostics", value));

        run.AssertCleanBuild();
        Assert.DoesNotContain(Export, GeneratedExports.EntryPoints(run.Exports));
        Assert.DoesNotContain(GcExport, GeneratedExports.EntryPoints(run.Exports));
    }
}

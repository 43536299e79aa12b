using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about the [FalcoPlugin] class itself: its declaration, interfaces, constructor and capabilities.</summary>
public sealed class PluginClassDiagnosticsTests
{
    [Fact]
    public void FALCO0001_class_not_partial()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField).Replace("sealed partial class", "sealed class", StringComparison.Ordinal));

        string message = DiagnosticAssert.Reported(run, "FALCO0001", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("'TestPlugin'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0009_class_does_not_implement_IPlugin()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IFieldExtractor
            {
            """ + Snippets.ValueField + """

            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0009", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("'TestPlugin'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("public TestPlugin(string name) { }")]
    [InlineData("private TestPlugin() { }")]
    [InlineData("public TestPlugin(PluginContext context, int level) { }")]
    public void FALCO0010_no_usable_constructor(string constructor)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(constructor + "\n" + Snippets.ValueField));

        string message = DiagnosticAssert.Reported(run, "FALCO0010", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("PluginContext, PluginLogger", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0013_two_plugins_in_one_assembly()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + """
            [FalcoPlugin("beta", Version = "1.0.0")]
            public sealed partial class BetaPlugin : IPlugin, IFieldExtractor
            {
                [Field("beta.value", "The value")]
                public ulong Value(ref ExtractContext context) => 1;
            }

            [FalcoPlugin("alpha", Version = "1.0.0")]
            public sealed partial class AlphaPlugin : IPlugin, IFieldExtractor
            {
                [Field("alpha.value", "The value")]
                public ulong Value(ref ExtractContext context) => 1;
            }
            """);

        // Plugins are taken in the order of their full names: AlphaPlugin is kept, BetaPlugin is reported.
        string message = DiagnosticAssert.Reported(run, "FALCO0013", DiagnosticSeverity.Error, "BetaPlugin");
        Assert.Contains("'AlphaPlugin'", message, StringComparison.Ordinal);
        Assert.Equal("AlphaPlugin.FalcoPluginExports.g.cs", Assert.Single(run.Sources).HintName);
    }

    [Fact]
    public void FALCO0019_plugin_without_capability()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin
            {
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0019", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("'test'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0020_generic_plugin_class()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin<T> : IPlugin, IFieldExtractor
            {
            """ + Snippets.ValueField + """

            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0020", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("'TestPlugin'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0020_nested_plugin_class()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + """
            public static partial class Outer
            {
            """ + Snippets.Attribute + """

                public sealed partial class TestPlugin : IPlugin, IFieldExtractor
                {
            """ + Snippets.ValueField + """

                }
            }
            """);

        DiagnosticAssert.Reported(run, "FALCO0020", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Empty(run.Sources);
    }
}

using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about the typed init config.</summary>
public sealed class ConfigDiagnosticsTests
{
    [Fact]
    public void FALCO0011_config_type_without_JsonSerializerContext()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + """
            public sealed class MyConfig
            {
                public int Level { get; set; }
            }

            public sealed class Other
            {
                public int Level { get; set; }
            }

            [JsonSerializable(typeof(Other))]
            internal sealed partial class OtherJsonContext : JsonSerializerContext;

            [FalcoPlugin("test", Version = "1.0.0")]
            public sealed partial class TestPlugin : IPlugin<MyConfig>, IFieldExtractor
            {
                public TestPlugin(MyConfig config) { }

            """ + Snippets.ValueField + """

            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0011", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("'MyConfig'", message, StringComparison.Ordinal);
        Assert.Contains("[JsonSerializable(typeof(MyConfig))]", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("Func<int>?", "System.Func<int>?")]
    [InlineData("IDisposable", "System.IDisposable")]
    public void FALCO0021_config_member_the_schema_cannot_describe(string type, string displayed)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + $$"""
            public sealed class MyConfig
            {
                public int Level { get; set; }

                [JsonIgnore]
                public int Ignored { get; set; }

                public {{type}} Odd { get; set; }
            }

            [JsonSerializable(typeof(MyConfig))]
            internal sealed partial class MyJsonContext : JsonSerializerContext;

            [FalcoPlugin("test", Version = "1.0.0")]
            public sealed partial class TestPlugin : IPlugin<MyConfig>, IFieldExtractor
            {
                public TestPlugin(MyConfig config) { }

            {{Snippets.ValueField}}
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0021", DiagnosticSeverity.Warning, "Odd");
        Assert.Contains($"'Odd' has the type '{displayed}'", message, StringComparison.Ordinal);

        // A warning does not stop the exports; the member accepts any JSON value.
        Assert.Single(run.Diagnostics);
        string schema = GeneratedExports.Utf8Literal(run.Exports, "InitSchema");
        Assert.Contains("\"Odd\":{}", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void FALCO0022_init_only_config_property_with_an_initializer()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + """
            public sealed class MyConfig
            {
                public int Lost { get; init; } = 7;

                public int Kept { get; set; } = 8;

                public int NoDefault { get; init; }
            }

            [JsonSerializable(typeof(MyConfig))]
            internal sealed partial class MyJsonContext : JsonSerializerContext;

            [FalcoPlugin("test", Version = "1.0.0")]
            public sealed partial class TestPlugin : IPlugin<MyConfig>, IFieldExtractor
            {
                public TestPlugin(MyConfig config) { }

            """ + Snippets.ValueField + """

            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0022", DiagnosticSeverity.Warning, "Lost");
        Assert.Contains("'Lost' is init-only with an initializer", message, StringComparison.Ordinal);
        Assert.Single(run.Diagnostics);
        Assert.NotEmpty(run.Sources);
    }
}

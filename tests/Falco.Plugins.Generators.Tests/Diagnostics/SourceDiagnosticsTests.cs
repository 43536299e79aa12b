using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about the event source identity (SourceId and EventSource).</summary>
public sealed class SourceDiagnosticsTests
{
    [Theory]
    [InlineData("0", "\"test\"", "id 0 and name 'test'")]
    [InlineData("7", "\"\"", "id 7 and name ''")]
    public void FALCO0007_source_without_id_or_name(string sourceId, string eventSource, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Source(sourceId, eventSource));

        string message = DiagnosticAssert.Reported(run, "FALCO0007", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0008_source_named_syscall()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Source("7", "\"syscall\""));

        DiagnosticAssert.Reported(run, "FALCO0008", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("NextId()", "\"test\"", "SourceId")]
    [InlineData("7", "Environment.MachineName", "EventSource")]
    public void FALCO0016_source_metadata_not_constant(string sourceId, string eventSource, string property)
    {
        string source = Snippets.Source(sourceId, eventSource)
            .Replace("public TestInstance Open", "private static uint NextId() => 7;\n    public TestInstance Open", StringComparison.Ordinal);
        GeneratorRun run = GeneratorHarness.Run(source);

        string message = DiagnosticAssert.Reported(run, "FALCO0016", DiagnosticSeverity.Error, property);
        Assert.Contains($"'TestPlugin.{property}'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Constant_source_metadata_from_constants_and_block_getters_is_accepted()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Instance + """

            [FalcoPlugin("test", Version = "1.0.0")]
            public sealed partial class TestPlugin : IPlugin, IEventSource<TestInstance>
            {
                private const uint Id = 40 + 2;
                public static uint SourceId { get { return Id; } }
                public static string EventSource { get; } = "te" + "st";
                public TestInstance Open(string parameters) => new();
            }
            """);

        run.AssertCleanBuild();
        Assert.Equal("test", GeneratedExports.Utf8Literal(run.Exports, "GetEventSource"));
        Assert.Contains("GetId() => 42u;", run.Exports.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explicitly_implemented_source_metadata_is_read()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Instance + """

            [FalcoPlugin("test", Version = "1.0.0")]
            public sealed partial class TestPlugin : IPlugin, IEventSource<TestInstance>
            {
                static uint IEventSource<TestInstance>.SourceId => 9;
                static string IEventSource<TestInstance>.EventSource => "explicit";
                public TestInstance Open(string parameters) => new();
            }
            """);

        run.AssertCleanBuild();
        Assert.Contains("GetId() => 9u;", run.Exports.ToString(), StringComparison.Ordinal);
        Assert.Equal("explicit", GeneratedExports.Utf8Literal(run.Exports, "GetEventSource"));
    }

    [Fact]
    public void FALCO0007_explicitly_implemented_source_id_of_zero()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Instance + """

            [FalcoPlugin("test", Version = "1.0.0")]
            public sealed partial class TestPlugin : IPlugin, IEventSource<TestInstance>
            {
                static uint IEventSource<TestInstance>.SourceId => 0;
                static string IEventSource<TestInstance>.EventSource => "explicit";
                public TestInstance Open(string parameters) => new();
            }
            """);

        DiagnosticAssert.Reported(run, "FALCO0007", DiagnosticSeverity.Error, "TestPlugin");
    }
}

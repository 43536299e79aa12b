using System;
using System.Linq;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests;

/// <summary>Event parsing and state tables: exports, event filters, the API version, and what the types forbid.</summary>
public sealed class TablesAndParsingTests
{
    private const string TableUsings = "using Falco.Plugins.Tables;\n";

    [Fact]
    public void Parser_exports_parse_event_and_plugin_event_types_by_default()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        run.AssertCleanBuild();
        Assert.Superset(new[] { "plugin_parse_event", "plugin_get_parse_event_types" }.ToHashSet(), GeneratedExports.EntryPoints(run.Exports).ToHashSet());
        Assert.DoesNotContain("plugin_get_parse_event_sources", GeneratedExports.EntryPoints(run.Exports));
        Assert.Contains("EventTypes(322)", run.Exports.ToString(), StringComparison.Ordinal);
        Assert.Equal("3.0.0", GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));
    }

    [Fact]
    public void Syscall_sources_without_event_types_export_no_types_and_accept_every_event()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            [ParseEventSources("syscall")]
            [ExtractEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IEventParser, IFieldExtractor
            {
                public void ParseEvent(ref ParseContext context) { }
            """ + Snippets.ValueField + """

            }
            """);

        run.AssertCleanBuild();
        var entryPoints = GeneratedExports.EntryPoints(run.Exports);
        Assert.DoesNotContain("plugin_get_parse_event_types", entryPoints);
        Assert.DoesNotContain("plugin_get_extract_event_types", entryPoints);
        Assert.Equal("""["syscall"]""", GeneratedExports.Utf8Literal(run.Exports, "GetParseEventSources"));
        Assert.Equal("""["syscall"]""", GeneratedExports.Utf8Literal(run.Exports, "GetExtractEventSources"));
        Assert.Contains("extractsAnyEvent: true, parsesAnyEvent: true", run.Exports.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Named_event_types_are_exported_as_they_are()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            [ParseEventTypes(2, 3)]
            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        run.AssertCleanBuild();
        Assert.Contains("EventTypes(2, 3)", run.Exports.ToString(), StringComparison.Ordinal);
        Assert.Contains("*numTypes = 2;", run.Exports.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_registry_parameter_requires_api_3_1_and_is_passed_to_the_constructor()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + TableUsings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public TestPlugin(TableRegistry tables) { }

                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        run.AssertCleanBuild();
        Assert.Equal("3.1.0", GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));
        Assert.Contains("PluginExports.CreateTableRegistry(context)", run.Exports.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FALCO0023_table_registry_on_a_plugin_that_neither_parses_nor_extracts()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + TableUsings + Snippets.Instance + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IEventSource<TestInstance>
            {
                public TestPlugin(TableRegistry tables) { }

                public static uint SourceId => 7;
                public static string EventSource => "test";
                public TestInstance Open(string parameters) => new();
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0023", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("neither parses events", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entry.Set(Field, 1UL);", "Set")]
    [InlineData("context.Tables.Table(Table).Remove(1);", "Remove")]
    [InlineData("context.Tables.Table(Table).CreateEntry();", "CreateEntry")]
    public void Extractors_cannot_write_tables(string statement, string member)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + TableUsings + Snippets.Attribute + $$"""

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                private static readonly ImportedTable<long> Table = null!;
                private static readonly TableField<ulong> Field = null!;

                public TestPlugin(TableRegistry tables) { }

                [Field("test.value", "The value")]
                public ulong Value(ref ExtractContext context)
                {
                    using TableEntry entry = context.Tables.Table(Table).GetEntry(1);
                    {{statement}}
                    return 1;
                }
            }
            """);

        // No such member on the read-only types: the call does not bind (CS1061), or binds only to
        // an unrelated extension method that does not fit (CS7036).
        Diagnostic error = Assert.Single(run.CompilationErrors);
        Assert.Contains(error.Id, new[] { "CS1061", "CS7036" });
        Assert.Contains(member, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_cannot_be_kept_beyond_the_call()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + TableUsings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                private static readonly ImportedTable<long> Table = null!;
                private object? _kept;

                public TestPlugin(TableRegistry tables) { }

                public void ParseEvent(ref ParseContext context)
                {
                    _kept = context.Tables.Table(Table).GetEntry(1);
                }
            }
            """);

        Assert.Contains(run.CompilationErrors, e => e.Id is "CS0029" or "CS0030" or "CS8345" or "CS0306");
    }
}

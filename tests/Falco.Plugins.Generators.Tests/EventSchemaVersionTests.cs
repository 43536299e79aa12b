using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Falco.Plugins.Generators.Tests.Infrastructure.TypedEventViews;

namespace Falco.Plugins.Generators.Tests;

/// <summary>
/// Plugins that parse or extract syscall events report the event schema version they need
/// (plugin_get_required_event_schema_version): the typed views' schema, which also requires plugin
/// API 3.12, the first version of its major without them, or the version the author sets.
/// </summary>
public sealed class EventSchemaVersionTests
{
    private const string Handler = """
            [ParseHandler]
            public void OnOpen(ref ParseContext context, StandInOpenExit evt) { }
        """;

    private const string TypedField = """
            [Field("test.fd", "The descriptor")]
            public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => 1;
        """;

    [Theory]
    [InlineData("IPlugin", Handler)]
    [InlineData("IPlugin, IFieldExtractor", TypedField)]
    public void Typed_events_export_the_schema_version_and_require_api_3_12(string interfaces, string members)
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + $$"""

            public sealed partial class TestPlugin : {{interfaces}}
            {
            {{members}}
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal("4.5.1", plugin.RequiredEventSchemaVersion());
        Assert.Equal("3.12.0", GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));
        Assert.Equal("12", GeneratedExports.DescriptorArgument(run.Exports, 1));
    }

    [Fact]
    public void Plugins_reading_syscall_events_without_typed_views_report_the_first_version_of_the_major()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            [ParseEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        run.AssertCleanBuild();
        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal("4.0.0", plugin.RequiredEventSchemaVersion());
        Assert.Equal("3.0.0", GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));
    }

    [Fact]
    public void The_author_sets_the_version_and_it_does_not_raise_the_api_version()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + """
            [FalcoPlugin("test", Version = "0.1.0", RequiredEventSchemaVersion = "4.2.0")]
            [ParseEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        run.AssertCleanBuild();
        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal("4.2.0", plugin.RequiredEventSchemaVersion());
        Assert.Equal("3.0.0", GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));
    }

    [Fact]
    public void Plugins_that_see_only_plugin_events_do_not_export_it()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            [ParseEventSources("dummy")]
            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        run.AssertCleanBuild();
        Assert.DoesNotContain("plugin_get_required_event_schema_version", GeneratedExports.EntryPoints(run.Exports));
    }

    [Fact]
    public void FALCO0029_an_event_schema_version_that_is_not_major_minor_patch()
    {
        GeneratorRun run = Run(Usings + """
            [FalcoPlugin("test", Version = "0.1.0", RequiredEventSchemaVersion = "4.x")]
            [ParseEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0029", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("'4.x'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FALCO0018_required_api_version_below_what_typed_events_need()
    {
        GeneratorRun run = Run(Usings + """
            [FalcoPlugin("test", Version = "0.1.0", RequiredApiVersion = "3.11.0")]
            public sealed partial class TestPlugin : IPlugin
            {
            """ + Handler + """

            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0018", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("at least 3.12.0", message, StringComparison.Ordinal);
        Assert.Contains("typed syscall events need 3.12.0", message, StringComparison.Ordinal);
    }
}

using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Falco.Plugins.Generators.Tests.Infrastructure.TypedEventViews;

namespace Falco.Plugins.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about typed syscall events: parse handlers, typed fields, and the sources they need.</summary>
public sealed class TypedEventDiagnosticsTests
{
    [Theory]
    [InlineData("public void OnOpen(ParseContext context, StandInOpenExit evt) { }", "not 'ref ParseContext'")]
    [InlineData("public void OnOpen(ref ExtractContext context, StandInOpenExit evt) { }", "not 'ref ParseContext'")]
    [InlineData("public int OnOpen(ref ParseContext context, StandInOpenExit evt) => 0;", "it returns a value")]
    [InlineData("public void OnOpen(ref ParseContext context) { }", "it takes 1 parameter(s)")]
    [InlineData("public void OnOpen(ref ParseContext context, StandInOpenExit evt, ulong extra) { }", "it takes 3 parameter(s)")]
    [InlineData("public void OnOpen(ref ParseContext context, in StandInOpenExit evt) { }", "not taken by value")]
    [InlineData("public void OnOpen(ref ParseContext context, EventView evt) { }", "'Falco.Plugins.EventView' is not a typed syscall event")]
    [InlineData("public void OnOpen(ref ParseContext context, StandInWithoutCode evt) { }", "'Falco.Plugins.Syscalls.StandInWithoutCode' is not a typed syscall event")]
    [InlineData("public void OnOpen<T>(ref ParseContext context, StandInOpenExit evt) { }", "it is generic")]
    public void FALCO0025_parse_handler_with_the_wrong_shape(string method, string expected)
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + $$"""

            public sealed partial class TestPlugin : IPlugin
            {
                [ParseHandler]
                {{method}}
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0025", DiagnosticSeverity.Error, "OnOpen");
        Assert.Contains("'OnOpen'", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0026_two_parse_handlers_for_one_event_type()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin
            {
                [ParseHandler]
                public void First(ref ParseContext context, StandInOpenExit evt) { }

                [ParseHandler]
                public void Second(ref ParseContext context, StandInOpenExit evt) { }
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0026", DiagnosticSeverity.Error, "Second");
        Assert.Contains("'First' and 'Second' both take the event 'StandInOpenExit' (code 3) as parse handlers", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0026_two_methods_of_one_field_for_one_event_type()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.fd", "The descriptor")]
                public ulong First(ref ExtractContext context, StandInOpenExit evt) => 1;

                [Field("test.fd", "The descriptor")]
                public ulong Second(ref ExtractContext context, StandInOpenExit evt) => 2;
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0026", DiagnosticSeverity.Error, "Second");
        Assert.Contains("'First' and 'Second' both take the event 'StandInOpenExit' (code 3) for the field 'test.fd'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ParseEventSources("k8s_audit")]""", "", "'k8s_audit'")]
    [InlineData("""[ParseEventSources("k8s_audit", "aws")]""", "", "'k8s_audit', 'aws'")]
    [InlineData("", ", IEventSource<TestInstance>", "'test'")]
    public void FALCO0027_parse_handler_whose_sources_exclude_syscall(string attribute, string source, string sources)
    {
        GeneratorRun run = Run(Usings + Snippets.Instance + Snippets.Attribute + $$"""

            {{attribute}}
            public sealed partial class TestPlugin : IPlugin{{source}}
            {
                public static uint SourceId => 7;
                public static string EventSource => "test";
                public TestInstance Open(string parameters) => new();

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) { }
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0027", DiagnosticSeverity.Error, "OnOpen");
        Assert.Contains("'OnOpen' takes the syscall event 'StandInOpenExit'", message, StringComparison.Ordinal);
        Assert.Contains($"parse event sources of the plugin ({sources}) exclude 'syscall'", message, StringComparison.Ordinal);
        Assert.Contains("[ParseEventSources]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FALCO0027_typed_field_whose_sources_exclude_syscall()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            [ExtractEventSources("k8s_audit")]
            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.fd", "The descriptor")]
                public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => 1;
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0027", DiagnosticSeverity.Error, "Fd");
        Assert.Contains("extract event sources of the plugin ('k8s_audit')", message, StringComparison.Ordinal);
        Assert.Contains("[ExtractEventSources]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_plugin_that_names_syscall_among_its_sources_may_take_typed_events()
    {
        GeneratorRun run = Run(Usings + Snippets.Instance + Snippets.Attribute + """

            [ParseEventSources("syscall")]
            [ExtractEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IEventSource<TestInstance>, IFieldExtractor
            {
                public static uint SourceId => 7;
                public static string EventSource => "test";
                public TestInstance Open(string parameters) => new();

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) { }

                [Field("test.fd", "The descriptor")]
                public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => 1;
            }
            """);

        run.AssertCleanBuild();
    }

    [Theory]
    [InlineData("""[Field("test.fd", "Another description")]""", "public ulong Second(ref ExtractContext context, StandInCloseExit evt) => 1;", "the description")]
    [InlineData("""[Field("test.fd", "The descriptor")]""", "public string Second(ref ExtractContext context, StandInCloseExit evt) => \"\";", "the value type ('ulong' and 'string')")]
    [InlineData("""[Field("test.fd", "The descriptor", Arg = FieldArg.RequiredIndex)]""", "public ulong Second(ref ExtractContext context, StandInCloseExit evt, ulong index) => 1;", "Arg (FieldArg.None and FieldArg.RequiredIndex)")]
    [InlineData("""[Field("test.fd", "The descriptor", AddOutput = true)]""", "public ulong Second(ref ExtractContext context, StandInCloseExit evt) => 1;", "AddOutput")]
    [InlineData("""[Field("test.fd", "The descriptor")]""", "public ulong Second(ref ExtractContext context) => 1;", "'First' and 'Second' do not both take a typed event")]
    public void FALCO0028_methods_of_one_field_that_disagree(string attribute, string method, string expected)
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + $$"""

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.fd", "The descriptor")]
                public ulong First(ref ExtractContext context, StandInOpenExit evt) => 1;

                {{attribute}}
                {{method}}
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0028", DiagnosticSeverity.Error, "Second");
        Assert.Contains("The methods of the field 'test.fd' disagree", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FALCO0005_typed_field_without_the_argument_its_kind_needs()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.fd", "The descriptor", Arg = FieldArg.RequiredIndex)]
                public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => 1;
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0005", DiagnosticSeverity.Error, "Fd");
        Assert.Contains("(it takes none)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FALCO0017_typed_fields_without_the_extractor_interface()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin
            {
                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) { }

                [Field("test.fd", "The descriptor")]
                public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => 1;
            }
            """);

        DiagnosticAssert.Reported(run, "FALCO0017", DiagnosticSeverity.Error, "TestPlugin");
    }
}

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Falco.Plugins.Generators.Tests.SchemaGenerator.TestSchemas;

namespace Falco.Plugins.Generators.Tests.SchemaGenerator;

/// <summary>
/// The event schema generator: silent without a schema file (plugin projects get it too),
/// the syscall event model from one, and a build error that says what is wrong with a bad one.
/// </summary>
public sealed class EventSchemaGeneratorTests
{
    [Fact]
    public void Without_additional_files_nothing_is_generated()
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run();

        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("scap-event-schema.json")]
    [InlineData("scap-event-schema-.json")]
    [InlineData("schemas/scap-event-schema-4.5.1.txt")]
    [InlineData("my-scap-event-schema-4.5.1.json")]
    public void Other_additional_files_are_ignored(string path)
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run((path, Real));

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_plugin_project_gets_nothing_from_the_schema_generator()
    {
        CSharpCompilation plugin = GeneratorHarness.Compile(Snippets.Usings + """
            [FalcoPlugin("test", Version = "1.0.0")]
            public sealed partial class TestPlugin : IPlugin
            {
                public TestPlugin(PluginContext context) { }
            }
            """);

        SchemaGeneratorRun run = SchemaGeneratorRun.Run(plugin, ("Plugin.json", "{}"));

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void The_real_schema_gives_a_view_per_code_and_the_tables()
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run(("/repo/src/Falco.Plugins/Syscalls/Schema/" + FileName, Real));

        Assert.Equal(454 + 3, run.Sources.Length);
        Assert.Contains(run.Sources, s => s.HintName == "EventCode.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "EventSchema.Data.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "SchemaTables.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Events.SyscallOpenat2Exit.g.cs");
        string[] members = EnumMembers(run.Source("EventCode.g.cs"));
        Assert.Equal(454, members.Length);
        Assert.Equal(454, members.Distinct(StringComparer.Ordinal).Count());
        Assert.All(run.Sources, s => Assert.Empty(s.SyntaxTree.GetDiagnostics()));
    }

    [Fact]
    public void Every_parameter_type_compiles_into_a_view_with_the_SDK_types()
    {
        string[] types =
        [
            "PT_INT8", "PT_INT16", "PT_INT32", "PT_INT64", "PT_UINT8", "PT_UINT16", "PT_UINT32", "PT_UINT64", "PT_CHARBUF",
            "PT_BYTEBUF", "PT_ERRNO", "PT_SOCKADDR", "PT_SOCKTUPLE", "PT_FD", "PT_PID", "PT_FDLIST", "PT_FSPATH", "PT_SYSCALLID",
            "PT_SIGTYPE", "PT_RELTIME", "PT_ABSTIME", "PT_PORT", "PT_L4PROTO", "PT_SOCKFAMILY", "PT_BOOL", "PT_IPV4ADDR",
            "PT_UID", "PT_GID", "PT_DOUBLE", "PT_SIGSET", "PT_CHARBUFARRAY", "PT_CHARBUF_PAIR_ARRAY", "PT_IPV4NET",
            "PT_IPV6ADDR", "PT_IPV6NET", "PT_IPADDR", "PT_IPNET", "PT_FSRELPATH", "PT_FD32", "PT_PID32",
        ];
        JsonObject[] parameters =
        [
            .. types.Select((t, i) => Param(t.Substring(3).ToLowerInvariant() + "_param", t)),
            Param("flags8", "PT_FLAGS8").WithFlags(("A", 1), ("B", 2)),
            Param("flags16", "PT_FLAGS16").WithFlags(("A", 1)),
            Param("flags32", "PT_FLAGS32").WithFlags(("A", 1), ("HIGH", uint.MaxValue)),
            Param("enum8", "PT_ENUMFLAGS8").WithFlags(("X", 0)),
            Param("enum16", "PT_ENUMFLAGS16").WithFlags(("X", 0)),
            Param("enum32", "PT_ENUMFLAGS32").WithFlags(("X", 0)),
            Param("mode", "PT_MODE").WithFlags(("S_IRUSR", 256)),
            Param("dyn", "PT_DYN").WithShapes(Param("", "PT_BYTEBUF"), Param("", "PT_ERRNO")),
        ];
        string schema = With(Event("PPME_EVERYTHING_E", "everything", parameters), Event("PPME_EVERYTHING_X", "everything"));

        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, schema));

        ImmutableArray<Diagnostic> problems = run.CompileWithSdkSources();
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
        Assert.Contains("public const string Version = \"9.8.7\";", run.Source("EventSchema.Data.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_that_would_share_a_name_are_told_apart_by_the_higher_code()
    {
        string schema = With(
            Event("PPME_SYSCALL_OPENAT_2_E", "openat"),
            Event("PPME_SYSCALL_OPENAT_2_X", "openat"),
            Event("PPME_SYSCALL_OPENAT2_E", "openat2"),
            Event("PPME_SYSCALL_OPENAT2_X", "openat2"));

        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, schema));

        Assert.Equal(["SyscallOpenat2Enter", "SyscallOpenat2Exit", "SyscallOpenat2Enter2", "SyscallOpenat2Exit3"], EnumMembers(run.Source("EventCode.g.cs")));
        Assert.True(run.CompileWithSdkSources().IsEmpty);
    }

    [Fact]
    public void Parameter_names_that_clash_with_members_or_keywords_are_renamed()
    {
        string schema = With(
            Event(
                "PPME_CLASH_E",
                "clash",
                Param("code", "PT_UINT32"),
                Param("timestamp", "PT_UINT64"),
                Param("name", "PT_CHARBUF"),
                Param("get_name_string", "PT_UINT8"),
                Param("event", "PT_FD"),
                Param("fd", "PT_FD"),
                Param("FD", "PT_FD"),
                Param("try_get_fd", "PT_UINT8"),
                Param("2nd", "PT_UINT8"),
                Param("in", "PT_FD")),
            Event("PPME_CLASH_X", "clash"));

        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, schema));

        string view = run.Source("Events.ClashEnter.g.cs");
        Assert.Equal(
            ["CodeParam", "TimestampParam", "Name", "GetNameStringParam", "EventParam", "Fd", "FD", "TryGetFdParam", "P2nd", "In"],
            Properties(view));
        Assert.Contains(
            "uint codeParam, ulong timestampParam, global::System.ReadOnlySpan<byte> name, byte getNameStringParam, long eventParam, long fd, long fdValue6, byte tryGetFdParam, byte p2nd, long @in",
            view,
            StringComparison.Ordinal);
        ImmutableArray<Diagnostic> problems = run.CompileWithSdkSources();
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("{", "invalid JSON: expected a member name at line 1, column 2")]
    [InlineData("{\"a\": [1,\n", "invalid JSON: unexpected end of the text at line 2, column 1")]
    [InlineData("{\"a\": tru}", "invalid JSON: unexpected literal at line 1, column 7")]
    [InlineData("[]", "the document is not a JSON object")]
    [InlineData("{\"schema_version\": 1}", "the document: 'schema_version' is missing or not a string")]
    public void A_malformed_file_stops_the_build_with_a_message(string text, string expected)
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, text));

        Assert.Equal(FileName + ": " + expected, run.Error);
    }

    [Fact]
    public void Events_out_of_code_order_stop_the_build()
    {
        JsonObject second = Event("PPME_B_X", "b");
        second["code"] = 5;

        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, With(Event("PPME_A_E", "a"), second)));

        Assert.Equal(FileName + ": event 1 has code 5: events must be in code order", run.Error);
    }

    [Fact]
    public void An_enter_event_at_an_odd_code_stops_the_build()
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, With(Event("PPME_A_E", "a"), Event("PPME_B_E", "b"))));

        Assert.Equal(FileName + ": event 1 (PPME_B_E): even codes are enter events (_E), odd codes exit events (_X)", run.Error);
    }

    [Fact]
    public void An_unknown_parameter_type_stops_the_build()
    {
        JsonObject param = Param("x", "PT_INT8");
        param["type"] = 200;

        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, With(Event("PPME_A_E", "a", param), Event("PPME_A_X", "a"))));

        Assert.Equal(FileName + ": event 0 (PPME_A_E), parameter 0 (x): unknown parameter type 200", run.Error);
    }

    [Fact]
    public void A_parameter_type_the_SDK_cannot_represent_stops_the_build()
    {
        JsonNode schema = JsonNode.Parse(With(Event("PPME_A_E", "a", Param("x", "PT_INT8")), Event("PPME_A_X", "a")))!;
        schema["enums"]!["param_types"]!["PT_FUTURE"] = 99;
        schema["events"]![0]!["params"]![0]!["type"] = 99;

        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, schema.ToJsonString()));

        Assert.Equal(FileName + ": event 0 (PPME_A_E), parameter 0 (x): the parameter type PT_FUTURE is not supported", run.Error);
    }

    [Fact]
    public void A_dynamic_parameter_without_shapes_stops_the_build()
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, With(Event("PPME_A_E", "a", Param("val", "PT_DYN")), Event("PPME_A_X", "a"))));

        Assert.Equal(FileName + ": event 0 (PPME_A_E), parameter 0 (val): a PT_DYN parameter needs an array of 1 to 256 dynamic shapes", run.Error);
    }

    [Fact]
    public void A_flag_value_beyond_32_bits_stops_the_build()
    {
        string schema = With(Event("PPME_A_E", "a", Param("f", "PT_FLAGS32").WithFlags(("BIG", 1L << 32))), Event("PPME_A_X", "a"));

        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, schema));

        Assert.Equal(FileName + ": event 0 (PPME_A_E), parameter 0 (f): the value of flag BIG is not a 32-bit unsigned number", run.Error);
    }

    [Fact]
    public void Two_schema_files_stop_the_build()
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run(("a/scap-event-schema-1.0.0.json", Real), ("b/scap-event-schema-2.0.0.json", Real));

        Assert.Equal("more than one event schema file: scap-event-schema-1.0.0.json, scap-event-schema-2.0.0.json", run.Error);
    }

    [Fact]
    public void The_error_is_a_compile_error_of_the_project()
    {
        SchemaGeneratorRun run = SchemaGeneratorRun.Run((FileName, "{"));

        Diagnostic error = Assert.Single(run.Sources[0].SyntaxTree.GetDiagnostics());
        Assert.Equal("CS1029", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void An_unchanged_schema_file_is_not_read_and_emitted_again()
    {
        var generator = new Falco.Plugins.Generators.Events.EventSchemaGenerator();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            [new InMemoryAdditionalText(FileName, With(Event("PPME_A_E", "a", Param("fd", "PT_FD")), Event("PPME_A_X", "a")))],
            GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        CSharpCompilation compilation = GeneratorHarness.Compile("namespace A;");
        driver = driver.RunGenerators(compilation);

        // Another edit of the project's C# leaves the schema alone.
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace B;", GeneratorHarness.ParseOptions)));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Equal(3 + 2, result.GeneratedSources.Length);
        Assert.All(
            result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static string[] EnumMembers(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<EnumMemberDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToArray();

    private static string[] Properties(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .Select(p => p.Identifier.ValueText)
            .Where(name => name is not ("Timestamp" or "ThreadId" or "ParamCount" or "Event"))
            .ToArray();
}

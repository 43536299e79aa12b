using System.Collections.Generic;
using Falco.Plugins.Generators.Tests.Infrastructure;

namespace Falco.Plugins.Generators.Tests;

/// <summary>The plugin_* symbols decide the capabilities libsinsp sees, so each plugin must export exactly its own.</summary>
public sealed class EntryPointTests
{
    private static readonly string[] Base =
    [
        "plugin_get_required_api_version",
        "plugin_get_name",
        "plugin_get_description",
        "plugin_get_contact",
        "plugin_get_version",
        "plugin_init",
        "plugin_destroy",
        "plugin_get_last_error",
    ];

    private static readonly string[] Sourcing = ["plugin_get_id", "plugin_get_event_source", "plugin_open", "plugin_close", "plugin_next_batch"];

    private static readonly string[] Extraction = ["plugin_get_fields", "plugin_get_extract_event_types", "plugin_extract_fields"];

    [Fact]
    public void Source_only_plugin_exports_the_base_and_sourcing_symbols()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Source("7", "\"test\""));

        run.AssertCleanBuild();
        AssertEntryPoints(run, [.. Base, .. Sourcing]);
    }

    [Fact]
    public void Extract_only_plugin_exports_the_base_and_extraction_symbols()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField));

        run.AssertCleanBuild();
        AssertEntryPoints(run, [.. Base, .. Extraction]);
    }

    [Fact]
    public void Record_class_plugin_gets_its_exports()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            public sealed partial record TestPlugin : IPlugin, IFieldExtractor
            {
            """ + Snippets.ValueField + """

            }
            """);

        run.AssertCleanBuild();
        AssertEntryPoints(run, [.. Base, .. Extraction]);
    }

    [Fact]
    public void Extract_event_sources_attribute_adds_get_extract_event_sources()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField, Snippets.Attribute + "\n[ExtractEventSources(\"a\", \"b\")]"));

        run.AssertCleanBuild();
        AssertEntryPoints(run, [.. Base, .. Extraction, "plugin_get_extract_event_sources"]);
        Assert.Equal("""["a","b"]""", GeneratedExports.Utf8Literal(run.Exports, "GetExtractEventSources"));
    }

    [Fact]
    public void Full_plugin_exports_every_optional_symbol_it_implements()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + """
            public sealed class ProgressInstance : IEventSourceInstance, IProgressReporter
            {
                public BatchStatus NextBatch(EventBatch batch) => BatchStatus.Eof;
                public Progress GetProgress() => new(50);
            }

            public sealed class FullConfig
            {
                public int Level { get; set; }
            }

            [JsonSerializable(typeof(FullConfig))]
            internal sealed partial class FullJsonContext : JsonSerializerContext;

            [FalcoPlugin("full", Version = "1.2.3")]
            public sealed partial class FullPlugin : IPlugin<FullConfig>, IEventSource<ProgressInstance>, IFieldExtractor, IEventFormatter, IOpenParamsProvider
            {
                public FullPlugin(FullConfig config, PluginContext context, PluginLogger logger)
                {
                }

                public static uint SourceId => 42;
                public static string EventSource => "full";
                public ProgressInstance Open(string parameters) => new();
                public string EventToString(EventView evt) => "event";
                public IReadOnlyList<OpenParam> ListOpenParams() => [new OpenParam("default")];

                [Field("full.value", "The value")]
                public ulong Value(ref ExtractContext context) => 1;
            }
            """);

        run.AssertCleanBuild();
        AssertEntryPoints(run,
        [
            .. Base, .. Sourcing, .. Extraction,
            "plugin_get_init_schema", "plugin_event_to_string", "plugin_list_open_params", "plugin_get_progress",
        ]);
    }

    [Fact]
    public void Get_progress_is_exported_only_when_the_instance_reports_progress()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Instance + """

            [FalcoPlugin("formatter", Version = "1.0.0")]
            public sealed partial class FormatterPlugin : IPlugin, IEventSource<TestInstance>, IEventFormatter, IProgressReporter
            {
                public static uint SourceId => 5;
                public static string EventSource => "formatter";
                public TestInstance Open(string parameters) => new();
                public string EventToString(EventView evt) => "event";
                public Progress GetProgress() => new(1);
            }
            """);

        run.AssertCleanBuild();
        AssertEntryPoints(run, [.. Base, .. Sourcing, "plugin_event_to_string"]);
    }

    [Fact]
    public void Plugin_and_config_in_the_global_namespace_compile()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Text.Json.Serialization;
            using Falco.Plugins;

            public sealed class GlobalConfig
            {
                public int Level { get; set; }
            }

            [JsonSerializable(typeof(GlobalConfig))]
            internal sealed partial class GlobalJsonContext : JsonSerializerContext;

            [FalcoPlugin("global", Version = "1.0.0")]
            partial class GlobalPlugin : IPlugin<GlobalConfig>, IFieldExtractor
            {
                public GlobalPlugin(GlobalConfig config) { }

                [Field("global.value", "The value")]
                public ulong Value(ref ExtractContext context) => 1;
            }
            """);

        run.AssertCleanBuild();
        AssertEntryPoints(run, [.. Base, .. Extraction, "plugin_get_init_schema"]);
    }

    [Fact]
    public void Plugin_without_config_has_no_init_schema()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField));

        Assert.DoesNotContain("plugin_get_init_schema", GeneratedExports.EntryPoints(run.Exports));
        Assert.False(GeneratedExports.Declares(run.Exports, "InitSchema"));
    }

    private static void AssertEntryPoints(GeneratorRun run, IEnumerable<string> expected) =>
        Assert.Equal(new SortedSet<string>(expected, System.StringComparer.Ordinal), new SortedSet<string>(GeneratedExports.EntryPoints(run.Exports), System.StringComparer.Ordinal));
}

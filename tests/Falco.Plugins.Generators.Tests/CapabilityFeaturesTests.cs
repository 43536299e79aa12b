using System;
using System.Linq;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Tests;

/// <summary>Async events, dump_state, capture listening, set_config, metrics and loggers: exports and the API version each needs.</summary>
public sealed class CapabilityFeaturesTests
{
    private const string Config = """
        public sealed class MyConfig
        {
            public int Level { get; set; }
        }

        [JsonSerializable(typeof(MyConfig))]
        internal sealed partial class MyJsonContext : JsonSerializerContext;

        """;

    [Theory]
    [InlineData("IPlugin, IFieldExtractor", "", "3.0.0", new string[0])]
    [InlineData("IPlugin, IFieldExtractor, IAsyncEventProvider", "public System.Threading.Tasks.Task RunAsync(AsyncEventEmitter events, System.Threading.CancellationToken token) => System.Threading.Tasks.Task.CompletedTask;", "3.0.0",
        new[] { "plugin_get_async_events", "plugin_set_async_event_handler" })]
    [InlineData("IPlugin, IFieldExtractor, IStateDumper", "public void DumpState(AsyncEventEmitter events) { }", "3.10.0", new[] { "plugin_get_async_events", "plugin_dump_state" })]
    [InlineData("IPlugin, IFieldExtractor, ICaptureListener", "public void CaptureOpen(ref CaptureContext context) { } public void CaptureClose(ref CaptureContext context) { }", "3.7.0",
        new[] { "plugin_capture_open", "plugin_capture_close" })]
    [InlineData("IConfigurable<MyConfig>, IFieldExtractor", "public void SetConfig(MyConfig config) { }", "3.4.0", new[] { "plugin_get_init_schema", "plugin_set_config" })]
    public void Each_feature_adds_its_exports_and_raises_the_version_only_as_far_as_it_needs(string interfaces, string members, string version, string[] extraExports)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Config + Snippets.Attribute + $$"""

            [AsyncEvents("tick")]
            public sealed partial class TestPlugin : {{interfaces}}
            {
                public TestPlugin({{(interfaces.Contains("MyConfig", StringComparison.Ordinal) ? "MyConfig config" : "")}}) { }

                {{members}}

            {{Snippets.ValueField}}
            }
            """);

        run.AssertCleanBuild();
        Assert.Equal(version, GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));
        var entryPoints = GeneratedExports.EntryPoints(run.Exports);
        foreach (string export in extraExports)
        {
            Assert.Contains(export, entryPoints);
        }

        foreach (string optional in new[] { "plugin_set_async_event_handler", "plugin_dump_state", "plugin_capture_open", "plugin_set_config", "plugin_get_metrics" }.Except(extraExports))
        {
            Assert.DoesNotContain(optional, entryPoints);
        }
    }

    [Theory]
    [InlineData("PluginMetrics metrics", "3.6.0", "plugin_get_metrics")]
    [InlineData("Microsoft.Extensions.Logging.ILogger logger", "3.4.0", null)]
    [InlineData("Microsoft.Extensions.Logging.ILogger<TestPlugin> logger", "3.4.0", null)]
    [InlineData("Microsoft.Extensions.Logging.ILoggerFactory loggers", "3.4.0", null)]
    [InlineData("PluginLogger logger, PluginMetrics metrics", "3.6.0", "plugin_get_metrics")]
    public void Constructor_services_raise_the_version_they_need(string parameters, string version, string? export)
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor($"public TestPlugin({parameters}) {{ }}\n" + Snippets.ValueField));

        run.AssertCleanBuild();
        Assert.Equal(version, GeneratedExports.Utf8Literal(run.Exports, "GetRequiredApiVersion"));
        if (export is not null)
        {
            Assert.Contains(export, GeneratedExports.EntryPoints(run.Exports));
        }
    }

    [Fact]
    public void Async_event_names_and_sources_are_exported_as_json()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            [AsyncEvents("tick", "tock")]
            [AsyncEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IAsyncEventProvider
            {
                public System.Threading.Tasks.Task RunAsync(AsyncEventEmitter events, System.Threading.CancellationToken token) => System.Threading.Tasks.Task.CompletedTask;
            }
            """);

        run.AssertCleanBuild();
        Assert.Equal("""["tick","tock"]""", GeneratedExports.Utf8Literal(run.Exports, "GetAsyncEvents"));
        Assert.Equal("""["syscall"]""", GeneratedExports.Utf8Literal(run.Exports, "GetAsyncEventSources"));
    }

    [Fact]
    public void FALCO0024_async_events_without_names()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IAsyncEventProvider
            {
                public System.Threading.Tasks.Task RunAsync(AsyncEventEmitter events, System.Threading.CancellationToken token) => System.Threading.Tasks.Task.CompletedTask;
            }
            """);

        string message = DiagnosticAssert.Reported(run, "FALCO0024", DiagnosticSeverity.Error, "TestPlugin");
        Assert.Contains("[AsyncEvents(", message, StringComparison.Ordinal);
    }
}

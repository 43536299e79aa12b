namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>Pieces of plugin source that many tests share.</summary>
internal static class Snippets
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Net;
        using System.Text.Json.Serialization;
        using Falco.Plugins;

        namespace TestPlugins;

        """;

    public const string Attribute = """[FalcoPlugin("test", Version = "0.1.0", Description = "A test plugin", Contact = "tests")]""";

    /// <summary>A field that is valid in every plugin.</summary>
    public const string ValueField = """
            [Field("test.value", "The value")]
            public ulong Value(ref ExtractContext context) => 1;
        """;

    /// <summary>An instance type for event sources.</summary>
    public const string Instance = """
        public sealed class TestInstance : IEventSourceInstance
        {
            public BatchStatus NextBatch(EventBatch batch) => BatchStatus.Eof;
        }
        """;

    /// <summary>An extract-only plugin class named TestPlugin with the given members.</summary>
    public static string Extractor(string members, string attribute = Attribute) => Usings + $$"""
        {{attribute}}
        public sealed partial class TestPlugin : IPlugin, IFieldExtractor
        {
        {{members}}
        }
        """;

    /// <summary>A source-only plugin class named TestPlugin with the given id and name expressions.</summary>
    public static string Source(string sourceId, string eventSource, string attribute = Attribute) => Usings + Instance + $$"""

        {{attribute}}
        public sealed partial class TestPlugin : IPlugin, IEventSource<TestInstance>
        {
            public static uint SourceId => {{sourceId}};
            public static string EventSource => {{eventSource}};
            public TestInstance Open(string parameters) => new();
        }
        """;
}

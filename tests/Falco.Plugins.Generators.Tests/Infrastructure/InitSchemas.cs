using System.Text.Json;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>Builds a plugin around a config type and returns the init schema the generator emitted for it.</summary>
internal static class InitSchemas
{
    /// <summary>
    /// A plugin whose config type is <c>TestConfig</c>, declared by <paramref name="declarations"/>,
    /// serialized by <c>TestJsonContext</c> which carries <paramref name="contextAttributes"/>.
    /// </summary>
    public static string Plugin(string declarations, string contextAttributes = "") => Snippets.Usings + declarations + $$"""

        {{contextAttributes}}
        [JsonSerializable(typeof(TestConfig))]
        internal sealed partial class TestJsonContext : JsonSerializerContext;

        [FalcoPlugin("test", Version = "1.0.0")]
        public sealed partial class TestPlugin : IPlugin<TestConfig>, IFieldExtractor
        {
            public TestPlugin(TestConfig config) { }

        {{Snippets.ValueField}}
        }
        """;

    /// <summary>The schema of a clean build of <see cref="Plugin"/>.</summary>
    public static JsonElement For(string declarations, string contextAttributes = "") =>
        Parse(Run(declarations, contextAttributes));

    public static GeneratorRun Run(string declarations, string contextAttributes = "")
    {
        GeneratorRun run = GeneratorHarness.Run(Plugin(declarations, contextAttributes));
        run.AssertCleanBuild();
        return run;
    }

    public static JsonElement Parse(GeneratorRun run)
    {
        using JsonDocument document = JsonDocument.Parse(GeneratedExports.Utf8Literal(run.Exports, "InitSchema"));
        return document.RootElement.Clone();
    }

    /// <summary>The schema of the property <paramref name="name"/> of the root object.</summary>
    public static JsonElement Property(JsonElement schema, string name) => schema.GetProperty("properties").GetProperty(name);
}

using System.Linq;
using System.Text.Json;
using Falco.Plugins.Generators.Tests.Infrastructure;

namespace Falco.Plugins.Generators.Tests;

/// <summary>The init schema describes the config type: required members, descriptions, defaults, nesting, collections, enums, nullability.</summary>
public sealed class InitSchemaShapeTests
{
    private const string CamelCase = "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]";

    [Fact]
    public void Root_is_a_draft_07_object_titled_after_the_plugin()
    {
        JsonElement schema = InitSchemas.For("""
            public sealed class TestConfig
            {
                public int Level { get; set; }
            }
            """);

        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.GetProperty("$schema").GetString());
        Assert.Equal("test init config", schema.GetProperty("title").GetString());
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.TryGetProperty("required", out _));
        Assert.False(schema.TryGetProperty("additionalProperties", out _));
    }

    [Fact]
    public void Required_members_and_JsonRequired_are_required()
    {
        GeneratorRun run = InitSchemas.Run("""
            public sealed class TestConfig
            {
                public required int MaxEvents { get; set; }

                [JsonRequired]
                public string Name { get; set; } = "";

                public int Optional { get; set; }
            }
            """, CamelCase);

        JsonElement schema = InitSchemas.Parse(run);
        Assert.Equal(["maxEvents", "name"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["maxEvents", "name"],
            JsonContract.Properties(run, "TestPlugins.TestJsonContext", "TestPlugins.TestConfig").Where(p => p.IsRequired).Select(p => p.Name));
    }

    [Fact]
    public void Description_attribute_and_doc_comment_describe_members()
    {
        JsonElement schema = InitSchemas.For("""
            public sealed class TestConfig
            {
                [Description("How many events to produce")]
                public int MaxEvents { get; set; }

                /// <summary>
                /// The prefix of
                /// every name.
                /// </summary>
                public string Prefix { get; set; } = "";

                public int Undescribed { get; set; }
            }
            """);

        Assert.Equal("How many events to produce", InitSchemas.Property(schema, "MaxEvents").GetProperty("description").GetString());
        Assert.Equal("The prefix of every name.", InitSchemas.Property(schema, "Prefix").GetProperty("description").GetString());
        Assert.False(InitSchemas.Property(schema, "Undescribed").TryGetProperty("description", out _));
    }

    [Fact]
    public void Constant_initializers_give_defaults()
    {
        JsonElement schema = InitSchemas.For("""
            public sealed class TestConfig
            {
                private const int Twenty = 20;
                public int Count { get; set; } = Twenty;
                public ulong Big { get; set; } = ulong.MaxValue;
                public string Name { get; set; } = "a \"b\"";
                public bool Enabled { get; set; } = true;
                public double Ratio { get; set; } = 1.5;
                public double NotANumber { get; set; } = double.NaN;
                public string? Missing { get; set; } = null;
                public List<string> Computed { get; set; } = new();
                public int Plain { get; set; }
            }
            """);

        Assert.Equal(20, InitSchemas.Property(schema, "Count").GetProperty("default").GetInt32());
        Assert.Equal(ulong.MaxValue, InitSchemas.Property(schema, "Big").GetProperty("default").GetUInt64());
        Assert.Equal("a \"b\"", InitSchemas.Property(schema, "Name").GetProperty("default").GetString());
        Assert.True(InitSchemas.Property(schema, "Enabled").GetProperty("default").GetBoolean());
        Assert.Equal(1.5, InitSchemas.Property(schema, "Ratio").GetProperty("default").GetDouble());
        Assert.False(InitSchemas.Property(schema, "NotANumber").TryGetProperty("default", out _));
        Assert.Equal(JsonValueKind.Null, InitSchemas.Property(schema, "Missing").GetProperty("default").ValueKind);
        Assert.False(InitSchemas.Property(schema, "Computed").TryGetProperty("default", out _));
        Assert.False(InitSchemas.Property(schema, "Plain").TryGetProperty("default", out _));
    }

    [Fact]
    public void Scalars_have_their_json_types_and_integer_ranges()
    {
        JsonElement schema = InitSchemas.For("""
            public sealed class TestConfig
            {
                public byte Small { get; set; }
                public int Signed { get; set; }
                public ulong Unsigned { get; set; }
                public double Ratio { get; set; }
                public bool Flag { get; set; }
                public string Text { get; set; } = "";
                public DateTimeOffset When { get; set; }
                public Guid Id { get; set; }
            }
            """);

        Assert.Equal("integer", InitSchemas.Property(schema, "Small").GetProperty("type").GetString());
        Assert.Equal(255, InitSchemas.Property(schema, "Small").GetProperty("maximum").GetInt32());
        Assert.Equal(int.MinValue, InitSchemas.Property(schema, "Signed").GetProperty("minimum").GetInt32());
        Assert.Equal(ulong.MaxValue, InitSchemas.Property(schema, "Unsigned").GetProperty("maximum").GetUInt64());
        Assert.Equal("number", InitSchemas.Property(schema, "Ratio").GetProperty("type").GetString());
        Assert.Equal("boolean", InitSchemas.Property(schema, "Flag").GetProperty("type").GetString());
        Assert.Equal("string", InitSchemas.Property(schema, "Text").GetProperty("type").GetString());
        Assert.Equal("date-time", InitSchemas.Property(schema, "When").GetProperty("format").GetString());
        Assert.Equal("uuid", InitSchemas.Property(schema, "Id").GetProperty("format").GetString());
    }

    [Fact]
    public void Unmapped_member_handling_disallow_closes_the_object()
    {
        JsonElement schema = InitSchemas.For("""
            [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
            public sealed class TestConfig
            {
                public Inner Inner { get; set; } = new();
            }

            public sealed class Inner
            {
                public int Level { get; set; }
            }
            """);

        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.False(InitSchemas.Property(schema, "Inner").TryGetProperty("additionalProperties", out _));
    }

    [Fact]
    public void Context_wide_unmapped_member_handling_closes_every_object()
    {
        JsonElement schema = InitSchemas.For(
            """
            public sealed class TestConfig
            {
                public Inner Inner { get; set; } = new();
            }

            public sealed class Inner
            {
                public int Level { get; set; }
            }
            """,
            "[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]");

        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.False(InitSchemas.Property(schema, "Inner").GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Nested_objects_are_described_with_the_same_naming_policy()
    {
        JsonElement schema = InitSchemas.For(
            """
            public sealed class TestConfig
            {
                public Endpoint PrimaryEndpoint { get; set; } = new() { HostName = "localhost" };
            }

            public sealed class Endpoint
            {
                public required string HostName { get; set; }
                public ushort PortNumber { get; set; } = 8080;

                [JsonIgnore]
                public string Ignored { get; set; } = "";

                public string ReadOnly => HostName;
            }
            """,
            "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]");

        JsonElement endpoint = InitSchemas.Property(schema, "primary_endpoint");
        Assert.Equal("object", endpoint.GetProperty("type").GetString());
        Assert.Equal(["host_name", "port_number"], endpoint.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["host_name"], endpoint.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(8080, endpoint.GetProperty("properties").GetProperty("port_number").GetProperty("default").GetInt32());
    }

    [Fact]
    public void Get_only_properties_bound_through_the_constructor_are_described()
    {
        JsonElement schema = InitSchemas.For("""
            public sealed class TestConfig
            {
                public TestConfig(int level) { Level = level; }
                public int Level { get; }
                public int Derived => Level * 2;
            }
            """);

        Assert.Equal(["Level"], schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Arrays_lists_and_dictionaries_are_described()
    {
        JsonElement schema = InitSchemas.For("""
            public sealed class TestConfig
            {
                public int[] Ports { get; set; } = [];
                public List<string> Names { get; set; } = new();
                public Dictionary<string, int> Limits { get; set; } = new();
                public IReadOnlyDictionary<string, List<bool>> Flags { get; set; } = new Dictionary<string, List<bool>>();
            }
            """);

        JsonElement ports = InitSchemas.Property(schema, "Ports");
        Assert.Equal("array", ports.GetProperty("type").GetString());
        Assert.Equal("integer", ports.GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("string", InitSchemas.Property(schema, "Names").GetProperty("items").GetProperty("type").GetString());

        JsonElement limits = InitSchemas.Property(schema, "Limits");
        Assert.Equal("object", limits.GetProperty("type").GetString());
        Assert.Equal("integer", limits.GetProperty("additionalProperties").GetProperty("type").GetString());

        JsonElement flags = InitSchemas.Property(schema, "Flags").GetProperty("additionalProperties");
        Assert.Equal("array", flags.GetProperty("type").GetString());
        Assert.Equal("boolean", flags.GetProperty("items").GetProperty("type").GetString());
    }

    [Fact]
    public void Enums_are_integers_by_default()
    {
        JsonElement schema = InitSchemas.For("""
            public enum Mode { Fast, Slow = 5 }

            public sealed class TestConfig
            {
                public Mode Mode { get; set; } = Mode.Slow;
            }
            """);

        JsonElement mode = InitSchemas.Property(schema, "Mode");
        Assert.Equal("integer", mode.GetProperty("type").GetString());
        Assert.Equal([0, 5], mode.GetProperty("enum").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(5, mode.GetProperty("default").GetInt32());
    }

    [Fact]
    public void Enums_are_strings_with_UseStringEnumConverter()
    {
        JsonElement schema = InitSchemas.For(
            """
            public enum Mode { Fast, Slow }

            public sealed class TestConfig
            {
                public Mode Mode { get; set; } = Mode.Slow;
            }
            """,
            "[JsonSourceGenerationOptions(UseStringEnumConverter = true)]");

        JsonElement mode = InitSchemas.Property(schema, "Mode");
        Assert.Equal("string", mode.GetProperty("type").GetString());
        Assert.Equal(["Fast", "Slow"], mode.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Slow", mode.GetProperty("default").GetString());
    }

    [Fact]
    public void Enums_are_strings_with_a_string_enum_converter_on_the_type_or_the_member()
    {
        JsonElement schema = InitSchemas.For("""
            [JsonConverter(typeof(JsonStringEnumConverter<Mode>))]
            public enum Mode { Fast, Slow }

            public enum Level { Low, High }

            public sealed class TestConfig
            {
                public Mode Mode { get; set; } = Mode.Slow;

                [JsonConverter(typeof(JsonStringEnumConverter<Level>))]
                public Level Level { get; set; }
            }
            """);

        Assert.Equal(["Fast", "Slow"], InitSchemas.Property(schema, "Mode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Slow", InitSchemas.Property(schema, "Mode").GetProperty("default").GetString());
        Assert.Equal(["Low", "High"], InitSchemas.Property(schema, "Level").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void String_enums_use_JsonStringEnumMemberName_in_values_and_defaults()
    {
        JsonElement schema = InitSchemas.For(
            """
            public enum Mode
            {
                Fast,
                [JsonStringEnumMemberName("slow-mode")]
                Slow,
            }

            public sealed class TestConfig
            {
                public Mode Mode { get; set; } = Mode.Slow;
                public Mode? Optional { get; set; } = Mode.Fast;
            }
            """,
            "[JsonSourceGenerationOptions(UseStringEnumConverter = true)]");

        Assert.Equal(["Fast", "slow-mode"], InitSchemas.Property(schema, "Mode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("slow-mode", InitSchemas.Property(schema, "Mode").GetProperty("default").GetString());
        Assert.Equal("Fast", InitSchemas.Property(schema, "Optional").GetProperty("default").GetString());
    }

    [Fact]
    public void Nullable_types_accept_null()
    {
        JsonElement schema = InitSchemas.For("""
            public enum Mode { Fast, Slow }

            public sealed class Inner
            {
                public int Level { get; set; }
            }

            public sealed class TestConfig
            {
                public int? Count { get; set; }
                public string? Name { get; set; }
                public Inner? Inner { get; set; }
                public int[]? Ports { get; set; }
                public Mode? Mode { get; set; }
                public int NotNull { get; set; }
            }
            """);

        Assert.Equal(["integer", "null"], TypeNames(InitSchemas.Property(schema, "Count")));
        Assert.Equal(["string", "null"], TypeNames(InitSchemas.Property(schema, "Name")));
        Assert.Equal(["object", "null"], TypeNames(InitSchemas.Property(schema, "Inner")));
        Assert.Equal(["array", "null"], TypeNames(InitSchemas.Property(schema, "Ports")));
        Assert.Equal(["integer", "null"], TypeNames(InitSchemas.Property(schema, "Mode")));
        Assert.Contains(InitSchemas.Property(schema, "Mode").GetProperty("enum").EnumerateArray(), e => e.ValueKind == JsonValueKind.Null);
        Assert.Equal(JsonValueKind.String, InitSchemas.Property(schema, "NotNull").GetProperty("type").ValueKind);
    }

    [Fact]
    public void Recursive_types_stop_at_the_cycle_with_any_value()
    {
        GeneratorRun run = GeneratorHarness.Run(InitSchemas.Plugin("""
            public sealed class TestConfig
            {
                public Node Root { get; set; } = new();
            }

            public sealed class Node
            {
                public int Value { get; set; }
                public Node? Next { get; set; }
            }
            """));

        Assert.Contains(run.Diagnostics, d => d.Id == "FALCO0021");
        JsonElement root = InitSchemas.Property(InitSchemas.Parse(run), "Root");
        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.Empty(root.GetProperty("properties").GetProperty("Next").EnumerateObject());
    }

    private static string[] TypeNames(JsonElement schema) =>
        schema.GetProperty("type").ValueKind == JsonValueKind.Array
            ? [.. schema.GetProperty("type").EnumerateArray().Select(e => e.GetString()!)]
            : [schema.GetProperty("type").GetString()!];
}

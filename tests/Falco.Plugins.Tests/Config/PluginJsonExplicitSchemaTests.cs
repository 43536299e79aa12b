using System.Text;

namespace Falco.Plugins.Tests.Config;

/// <summary>
/// PluginJson.Deserialize with a schema given as the NUL-terminated UTF-8 bytes a plugin bakes
/// in: the schema is checked first, then System.Text.Json reports what the schema lets through.
/// </summary>
public class PluginJsonExplicitSchemaTests
{
    private const string Schema = """
        {"type":"object","required":["start"],"additionalProperties":false,
         "properties":{"start":{"type":"integer","minimum":10},"name":{"type":"string"},"inner":{"type":"object"},"hosts":{}}}
        """;

    [Fact]
    public void Valid_document_binds()
    {
        OpenParams value = PluginJson.Deserialize("""{"start":12,"inner":{"depth":3}}""", TestJsonContext.Default.OpenParams, "config", Baked(Schema));

        Assert.Equal(12UL, value.Start);
        Assert.Equal(3, value.Inner?.Depth);
    }

    [Theory]
    [InlineData("""{"start":5}""", "config key 'start' must be at least 10, got 5")]
    [InlineData("""{"name":"n"}""", "config key 'start' is required but missing")]
    [InlineData("""{"start":12,"extra":1}""", "config key 'extra' is not a known key (known keys: start, name, inner, hosts)")]
    [InlineData("""{"start":12,"name":3}""", "config key 'name' expected a string, got a number 3")]
    [InlineData("null", "config expected an object, got null")]
    public void The_schema_decides_first(string json, string expected)
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Deserialize(json, TestJsonContext.Default.OpenParams, "config", Baked(Schema)));

        Assert.Equal(expected, ex.Message);
    }

    [Theory]
    [InlineData("""{"name":"n"}""", "config key 'start' is required but missing")]
    [InlineData("""{"start":1,"inner":{}}""", "config key 'inner.depth' is required but missing")]
    [InlineData("""{"start":"x"}""", "config key 'start' has a value that cannot be read as UInt64")]
    [InlineData("""{"start":1,"inner":{"depth":1,"width":2}}""", "config key 'inner.width' is not a known key")]
    [InlineData("null", "config must be a JSON object, got null")]
    public void A_permissive_schema_leaves_the_problem_to_the_deserializer(string json, string expected)
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Deserialize(json, TestJsonContext.Default.OpenParams, "config", Baked("{}")));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Unknown_key_of_a_strict_type_is_named_by_the_deserializer()
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Deserialize("""{"port":1,"bogus":2}""", TestJsonContext.Default.StrictConfig, "init config", Baked("{}")));

        Assert.Equal("init config key 'bogus' is not a known key", ex.Message);
    }

    [Fact]
    public void Not_JSON_is_reported_before_the_schema_is_read()
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Deserialize("{", TestJsonContext.Default.OpenParams, "config", Baked(Schema)));

        Assert.StartsWith("config is not valid JSON: ", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_a_schema_without_the_terminating_NUL()
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Validate("""{"start":1}""", "config", Encoding.UTF8.GetBytes(Schema)));

        Assert.Equal("config key 'start' must be at least 10, got 1", ex.Message);
    }

    [Fact]
    public void Validate_with_an_empty_schema_only_checks_the_syntax()
    {
        PluginJson.Validate("""{"anything":[1,2]}""", "config", default);

        Assert.Throws<PluginException>(() => PluginJson.Validate("""{"anything":""", "config", default));
    }

    private static byte[] Baked(string schema) => Encoding.UTF8.GetBytes(schema + "\0");
}

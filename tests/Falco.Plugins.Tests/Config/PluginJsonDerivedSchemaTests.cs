namespace Falco.Plugins.Tests.Config;

/// <summary>PluginJson.Deserialize without a schema: the schema is derived from the type metadata.</summary>
public class PluginJsonDerivedSchemaTests
{
    [Fact]
    public void Valid_document_binds()
    {
        OpenParams value = PluginJson.Deserialize(
            """{"start":18446744073709551615,"name":"n","inner":{"depth":2},"hosts":["a","b"]}""",
            TestJsonContext.Default.OpenParams,
            "open params");

        Assert.Equal(ulong.MaxValue, value.Start);
        Assert.Equal("n", value.Name);
        Assert.Equal(2, value.Inner?.Depth);
        Assert.Equal(["a", "b"], value.Hosts!);
    }

    [Fact]
    public void Optional_keys_may_be_null_or_absent()
    {
        OpenParams value = PluginJson.Deserialize("""{"start":1,"name":null}""", TestJsonContext.Default.OpenParams, "open params");

        Assert.Equal(1UL, value.Start);
        Assert.Null(value.Name);
        Assert.Null(value.Inner);
    }

    [Theory]
    [InlineData("""{"start":"5"}""", "open params key 'start' expected an integer, got a string \"5\"")]
    [InlineData("""{"start":-1}""", "open params key 'start' must be at least 0, got -1")]
    [InlineData("""{"start":1.5}""", "open params key 'start' expected an integer, got a number 1.5")]
    [InlineData("""{"start":1,"hosts":["a",2]}""", "open params key 'hosts[1]' has a value that cannot be read as String")]
    [InlineData("""{"start":1,"inner":{"depth":"deep"}}""", "open params key 'inner.depth' expected an integer, got a string \"deep\"")]
    [InlineData("""{"start":1,"inner":{"depth":2147483648}}""", "open params key 'inner.depth' must be at most 2147483647, got 2147483648")]
    [InlineData("""{"name":"n"}""", "open params key 'start' is required but missing")]
    [InlineData("""{"start":1,"inner":{}}""", "open params key 'inner.depth' is required but missing")]
    [InlineData("""{"start":1,"inner":{"depth":1,"width":2}}""", "open params key 'inner.width' is not a known key (known keys: depth)")]
    [InlineData("null", "open params must be a JSON object, got null")]
    [InlineData("[]", "open params expected one of object, null, got an array")]
    public void Problem_names_the_document_and_the_key(string json, string expected)
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Deserialize(json, TestJsonContext.Default.OpenParams, "open params"));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Unknown_key_of_a_strict_type_lists_the_known_keys()
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Deserialize("""{"port":1,"bogus":2}""", TestJsonContext.Default.StrictConfig, "init config"));

        Assert.Equal("init config key 'bogus' is not a known key (known keys: port, host)", ex.Message);
    }

    [Theory]
    [InlineData("""{"start":""")]
    [InlineData("""{"start":1,}""")]
    [InlineData("start=1")]
    [InlineData("")]
    public void Text_that_is_not_JSON_is_reported_with_its_position(string json)
    {
        var ex = Assert.Throws<PluginException>(() => PluginJson.Deserialize(json, TestJsonContext.Default.OpenParams, "open params"));

        Assert.StartsWith("open params is not valid JSON: ", ex.Message, System.StringComparison.Ordinal);
        Assert.Matches(@"\(line \d+, byte \d+\)$", ex.Message);
    }
}

namespace Falco.Plugins.Tests.Config;

/// <summary>The <c>type</c> keyword, single and array, and integer versus number.</summary>
public class JsonSchemaTypeTests
{
    [Theory]
    [InlineData("{}", "{'type':'object'}")]
    [InlineData("[1]", "{'type':'array'}")]
    [InlineData("'x'", "{'type':'string'}")]
    [InlineData("true", "{'type':'boolean'}")]
    [InlineData("false", "{'type':'boolean'}")]
    [InlineData("null", "{'type':'null'}")]
    [InlineData("1.5", "{'type':'number'}")]
    [InlineData("3", "{'type':'number'}")]
    [InlineData("3", "{'type':'integer'}")]
    [InlineData("-3", "{'type':'integer'}")]
    [InlineData("1e2", "{'type':'integer'}")]
    [InlineData("2.0", "{'type':'integer'}")]
    [InlineData("18446744073709551615", "{'type':'integer'}")]
    [InlineData("'x'", "{'type':['string','null']}")]
    [InlineData("null", "{'type':['string','null']}")]
    [InlineData("'x'", "{'type':'no-such-type'}")]
    public void Matching_type_conforms(string instance, string schema)
    {
        Assert.Null(SchemaCheck.Message(instance, schema));
    }

    [Theory]
    [InlineData("1.5", "{'type':'integer'}", "config expected an integer, got a number 1.5")]
    [InlineData("1e-1", "{'type':'integer'}", "config expected an integer, got a number 1e-1")]
    [InlineData("'3'", "{'type':'integer'}", "config expected an integer, got a string \"3\"")]
    [InlineData("'3'", "{'type':'number'}", "config expected a number, got a string \"3\"")]
    [InlineData("[]", "{'type':'object'}", "config expected an object, got an array")]
    [InlineData("{}", "{'type':'array'}", "config expected an array, got an object")]
    [InlineData("0", "{'type':'boolean'}", "config expected a boolean, got a number 0")]
    [InlineData("'null'", "{'type':'null'}", "config expected null, got a string \"null\"")]
    [InlineData("null", "{'type':'string'}", "config expected a string, got null")]
    [InlineData("true", "{'type':'string'}", "config expected a string, got a boolean true")]
    [InlineData("1", "{'type':['string','null']}", "config expected one of string, null, got a number 1")]
    public void Other_type_is_reported(string instance, string schema, string expected)
    {
        Assert.Equal(expected, SchemaCheck.Message(instance, schema));
    }

    [Fact]
    public void Long_values_are_cut_in_messages()
    {
        string value = new('a', 60);

        string? message = SchemaCheck.Message($"'{value}'", "{'type':'integer'}");

        Assert.Equal($"config expected an integer, got a string \"{new string('a', 36)}...", message);
    }
}

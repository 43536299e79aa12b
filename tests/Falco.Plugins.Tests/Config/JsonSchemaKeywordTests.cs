namespace Falco.Plugins.Tests.Config;

/// <summary>enum/const, $ref, combinators, length and item counts, and unknown keywords.</summary>
public class JsonSchemaKeywordTests
{
    private const string Refs = "{'definitions':{'port':{'type':'integer','minimum':1}},'properties':{'port':{'$ref':'#/definitions/port'}}}";

    [Theory]
    [InlineData("'b'", "{'enum':['a','b']}")]
    [InlineData("2.0", "{'enum':[1,2]}")]
    [InlineData("{'x':[1,{'y':null}]}", "{'enum':[{'x':[1,{'y':null}]}]}")]
    [InlineData("5", "{'const':5}")]
    [InlineData("{'port':8}", Refs)]
    [InlineData("{'a':{'a':{}}}", "{'properties':{'a':{'$ref':'#'}}}")]
    [InlineData("1", "{'anyOf':[{'type':'string'},{'type':'integer'}]}")]
    [InlineData("1", "{'oneOf':[{'type':'string'},{'type':'integer'}]}")]
    [InlineData("5", "{'allOf':[{'minimum':1},{'maximum':9}]}")]
    [InlineData("'abc'", "{'minLength':3,'maxLength':3}")]
    [InlineData("'\u00e9\u00e9'", "{'maxLength':2}")]
    [InlineData("'\U0001F600'", "{'maxLength':1}")]
    [InlineData("[1,2]", "{'minItems':2,'maxItems':2}")]
    [InlineData("'x'", "{'pattern':'^[0-9]+$','format':'ipv4','title':'ignored','x-custom':1}")]
    public void Conforming_value_passes(string instance, string schema)
    {
        Assert.Null(SchemaCheck.Message(instance, schema));
    }

    [Theory]
    [InlineData("'c'", "{'enum':['a','b']}", "config must be one of \"a\", \"b\", got a string \"c\"")]
    [InlineData("6", "{'const':5}", "config must be 5, got a number 6")]
    [InlineData("'5'", "{'const':5}", "config must be 5, got a string \"5\"")]
    [InlineData("{'port':0}", Refs, "config key 'port' must be at least 1, got 0")]
    [InlineData("1", "{'$ref':'#/definitions/nope'}", "config refers to an unknown schema '#/definitions/nope'")]
    [InlineData("true", "{'anyOf':[{'type':'string'},{'type':'integer'}]}", "config expected a string, got a boolean true")]
    [InlineData("true", "{'oneOf':[{'type':'string'},{'type':'integer'}]}", "config expected a string, got a boolean true")]
    [InlineData("3", "{'oneOf':[{'type':'integer'},{'minimum':0}]}", "config matches more than one of the allowed shapes")]
    [InlineData("10", "{'allOf':[{'minimum':1},{'maximum':9}]}", "config must be at most 9, got 10")]
    [InlineData("'ab'", "{'minLength':3}", "config must be at least 3 characters long, got 2")]
    [InlineData("'abcd'", "{'maxLength':3}", "config must be at most 3 characters long, got 4")]
    [InlineData("'\U0001F600\U0001F600'", "{'maxLength':1}", "config must be at most 1 character long, got 2")]
    [InlineData("[]", "{'minItems':1}", "config must have at least 1 item, got 0")]
    [InlineData("[1,2,3]", "{'maxItems':2}", "config must have at most 2 items, got 3")]
    public void Violation_is_reported(string instance, string schema, string expected)
    {
        Assert.Equal(expected, SchemaCheck.Message(instance, schema));
    }

    [Fact]
    public void A_false_schema_rejects_everything()
    {
        Assert.Equal("config is not allowed", SchemaCheck.Message("{}", "false"));
    }

    [Fact]
    public void A_true_or_empty_schema_accepts_everything()
    {
        Assert.Null(SchemaCheck.Message("{'a':[1,'x',null]}", "true"));
        Assert.Null(SchemaCheck.Message("{'a':[1,'x',null]}", "{}"));
    }

    [Fact]
    public void Self_referencing_schema_stops_at_the_depth_limit()
    {
        Assert.Equal("config is nested too deeply", SchemaCheck.Message("1", "{'$ref':'#'}"));
    }
}

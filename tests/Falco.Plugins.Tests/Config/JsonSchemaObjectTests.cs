namespace Falco.Plugins.Tests.Config;

/// <summary>required, properties, additionalProperties and items, with the path of the offending key.</summary>
public class JsonSchemaObjectTests
{
    private const string Outer = "{'type':'object','properties':{'outer':{'type':'object','required':['inner'],'properties':{'inner':{'type':'integer'}}}}}";
    private const string Hosts = "{'type':'object','properties':{'hosts':{'type':'array','items':{'type':'string'}}}}";
    private const string Closed = "{'type':'object','properties':{'a':{},'b':{}},'additionalProperties':false}";

    [Theory]
    [InlineData("{'outer':{'inner':1}}", Outer)]
    [InlineData("{}", Outer)]
    [InlineData("{'hosts':['a','b','c']}", Hosts)]
    [InlineData("{'a':1,'b':2}", Closed)]
    [InlineData("{'a':1,'x':2}", "{'properties':{'a':{}}}")]
    [InlineData("{'a':1,'x':2}", "{'properties':{'a':{}},'additionalProperties':true}")]
    [InlineData("{'x':'s','y':'t'}", "{'additionalProperties':{'type':'string'}}")]
    [InlineData("[1,2]", "{'required':['a']}")]
    public void Conforming_object_passes(string instance, string schema)
    {
        Assert.Null(SchemaCheck.Message(instance, schema));
    }

    [Theory]
    [InlineData("{}", "{'required':['name']}", "config key 'name' is required but missing")]
    [InlineData("{'outer':{}}", Outer, "config key 'outer.inner' is required but missing")]
    [InlineData("{'outer':{'inner':'x'}}", Outer, "config key 'outer.inner' expected an integer, got a string \"x\"")]
    [InlineData("{'hosts':['a','b',3]}", Hosts, "config key 'hosts[2]' expected a string, got a number 3")]
    [InlineData("{'a':1,'x':2}", Closed, "config key 'x' is not a known key (known keys: a, b)")]
    [InlineData("{'x':2}", "{'additionalProperties':false}", "config key 'x' is not a known key")]
    [InlineData("{'x':'s','y':1}", "{'additionalProperties':{'type':'string'}}", "config key 'y' expected a string, got a number 1")]
    [InlineData("{'m':[{'k':{'deep':true}}]}", "{'properties':{'m':{'items':{'properties':{'k':{'additionalProperties':false}}}}}}", "config key 'm[0].k.deep' is not a known key")]
    [InlineData("[[1],[2,'x']]", "{'items':{'items':{'type':'integer'}}}", "config key '[1][1]' expected an integer, got a string \"x\"")]
    [InlineData("[1]", "{'items':false}", "config key '[0]' is not allowed")]
    public void Violation_names_the_key_path(string instance, string schema, string expected)
    {
        Assert.Equal(expected, SchemaCheck.Message(instance, schema));
    }

    [Fact]
    public void Violation_exposes_path_and_problem_separately()
    {
        var violation = SchemaCheck.Violation("{'outer':{}}", Outer);

        Assert.NotNull(violation);
        Assert.Equal("outer.inner", violation.Path);
        Assert.Equal("is required but missing", violation.Problem);
    }
}

namespace Falco.Plugins.Tests.Config;

/// <summary>minimum, maximum and the exclusive bounds, exact for 64-bit integers.</summary>
public class JsonSchemaNumberTests
{
    private const string UInt64Range = "{'type':'integer','minimum':0,'maximum':18446744073709551615}";
    private const string Int64Range = "{'type':'integer','minimum':-9223372036854775808,'maximum':9223372036854775807}";

    [Theory]
    [InlineData("0", UInt64Range)]
    [InlineData("18446744073709551615", UInt64Range)]
    [InlineData("18446744073709551614", UInt64Range)]
    [InlineData("-9223372036854775808", Int64Range)]
    [InlineData("9223372036854775807", Int64Range)]
    [InlineData("-5", "{'minimum':-5}")]
    [InlineData("-4.5", "{'minimum':-5,'maximum':-4}")]
    [InlineData("10", "{'maximum':10}")]
    [InlineData("0.5", "{'exclusiveMinimum':0}")]
    [InlineData("9.999", "{'exclusiveMaximum':10}")]
    [InlineData("'not a number'", "{'minimum':5}")]
    [InlineData("7", "{'minimum':'5'}")]
    public void Value_within_bounds_conforms(string instance, string schema)
    {
        Assert.Null(SchemaCheck.Message(instance, schema));
    }

    [Theory]
    [InlineData("18446744073709551616", UInt64Range, "config must be at most 18446744073709551615, got 18446744073709551616")]
    [InlineData("-1", UInt64Range, "config must be at least 0, got -1")]
    [InlineData("-9223372036854775809", Int64Range, "config must be at least -9223372036854775808, got -9223372036854775809")]
    [InlineData("9223372036854775808", Int64Range, "config must be at most 9223372036854775807, got 9223372036854775808")]
    [InlineData("-6", "{'minimum':-5}", "config must be at least -5, got -6")]
    [InlineData("-3.5", "{'minimum':-5,'maximum':-4}", "config must be at most -4, got -3.5")]
    [InlineData("10.5", "{'maximum':10}", "config must be at most 10, got 10.5")]
    [InlineData("0", "{'exclusiveMinimum':0}", "config must be greater than 0, got 0")]
    [InlineData("10", "{'exclusiveMaximum':10}", "config must be less than 10, got 10")]
    [InlineData("1e2", "{'maximum':99}", "config must be at most 99, got 1e2")]
    public void Value_out_of_bounds_is_reported(string instance, string schema, string expected)
    {
        Assert.Equal(expected, SchemaCheck.Message(instance, schema));
    }

    [Theory]
    [InlineData("1e400", "{'maximum':10}", "config must be at most 10, got 1e400")]
    [InlineData("-1e400", "{'minimum':0}", "config must be at least 0, got -1e400")]
    [InlineData("1e400", "{'enum':[1,2]}", "config must be one of 1, 2, got a number 1e400")]
    public void Numbers_beyond_double_range_are_reported_not_thrown(string instance, string schema, string expected)
    {
        Assert.Equal(expected, SchemaCheck.Message(instance, schema));
    }
}

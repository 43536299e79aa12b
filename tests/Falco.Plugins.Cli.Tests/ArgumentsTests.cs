using System;

namespace Falco.Plugins.Cli.Tests;

public sealed class ArgumentsTests
{
    private static readonly OptionSpec[] Options =
    [
        new("--config", "json", "the config"),
        new("--json", null, "JSON output"),
    ];

    [Fact]
    public void Separates_positionals_from_options_with_separate_and_inline_values()
    {
        Arguments parsed = Arguments.Parse(["a.so", "--config", "{}", "--json", "b"], Options);

        Assert.Equal(["a.so", "b"], parsed.Positionals);
        Assert.Equal("{}", parsed.Value("--config"));
        Assert.True(parsed.Has("--json"));
        Assert.Null(parsed.Value("--json"));
        Assert.Equal("{\"a\":1}", Arguments.Parse(["--config={\"a\":1}"], Options).Value("--config"));
    }

    [Fact]
    public void Value_may_start_with_a_dash_or_hold_an_equals_sign()
    {
        Assert.Equal("-5", Arguments.Parse(["--config", "-5"], Options).Value("--config"));
        Assert.Equal("a=b", Arguments.Parse(["--config=a=b"], Options).Value("--config"));
    }

    [Fact]
    public void Absent_option_has_no_value()
    {
        Arguments parsed = Arguments.Parse(["x"], Options);

        Assert.False(parsed.Has("--config"));
        Assert.Null(parsed.Value("--config"));
    }

    [Fact]
    public void Double_dash_ends_the_options()
    {
        Arguments parsed = Arguments.Parse(["--", "--json", "-h"], Options);

        Assert.False(parsed.HelpRequested);
        Assert.False(parsed.Has("--json"));
        Assert.Equal(["--json", "-h"], parsed.Positionals);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Help_wins_over_other_mistakes(string help)
    {
        Arguments parsed = Arguments.Parse(["--nope", help, "--config"], Options);

        Assert.True(parsed.HelpRequested);
    }

    [Theory]
    [InlineData("unknown option '--nope'", "--nope")]
    [InlineData("unknown option '-x'", "-x")]
    [InlineData("option --config needs a value: --config <json>", "--config")]
    [InlineData("option --json takes no value", "--json=yes")]
    [InlineData("option --json is given more than once", "--json", "--json")]
    public void Wrong_options_are_usage_errors(string message, params string[] arguments)
    {
        var error = Assert.Throws<UsageException>(() => Arguments.Parse(arguments, Options));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Single_positional_is_required_and_alone()
    {
        Assert.Equal("a.so", Arguments.Parse(["a.so"], Options).SinglePositional("<plugin>"));
        Assert.Equal("missing <plugin>", Assert.Throws<UsageException>(() => Arguments.Parse([], Options).SinglePositional("<plugin>")).Message);
        Assert.Equal("unexpected argument 'b'", Assert.Throws<UsageException>(() => Arguments.Parse(["a", "b"], Options).SinglePositional("<plugin>")).Message);
    }

    [Fact]
    public void A_lone_dash_is_a_positional()
    {
        Assert.Equal(["-"], Arguments.Parse(["-"], Options).Positionals);
    }

    [Fact]
    public void Rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Arguments.Parse(null!, Options));
    }
}

using System.IO;
using Falco.Plugins.Cli.Commands;

namespace Falco.Plugins.Cli.Tests;

public sealed class RunOptionsTests
{
    private static RunOptions Parse(params string[] arguments) =>
        RunOptions.From(Arguments.Parse(arguments, RunOptions.Specs));

    [Fact]
    public void Defaults_read_everything_with_the_default_fields()
    {
        RunOptions options = Parse("libdummy.so");

        Assert.Equal(new RunOptions("libdummy.so", null, null, "", null, null, false), options);
        Assert.Equal("", options.ReadConfig());
    }

    [Fact]
    public void Reads_every_option()
    {
        RunOptions options = Parse("p.so", "--config", "{\"jitter\":0}", "--open-params", "{\"start\":1}", "--fields", "a.b,c.d[3]", "--max-events", "7", "--json");

        Assert.Equal("{\"jitter\":0}", options.ReadConfig());
        Assert.Equal("{\"start\":1}", options.OpenParams);
        Assert.Equal(["a.b", "c.d[3]"], options.Fields);
        Assert.Equal(7, options.MaxEvents);
        Assert.True(options.Json);
    }

    [Fact]
    public void Config_file_is_read()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"jitter\": 3}");

            Assert.Equal("{\"jitter\": 3}", Parse("p.so", "--config-file", path).ReadConfig());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unreadable_config_file_is_an_expected_failure()
    {
        var error = Assert.Throws<CliException>(() => Parse("p.so", "--config-file", "/nonexistent/config.json").ReadConfig());

        Assert.StartsWith("cannot read the config file: ", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Config_and_config_file_exclude_each_other()
    {
        var error = Assert.Throws<UsageException>(() => Parse("p.so", "--config", "{}", "--config-file", "c.json"));

        Assert.Equal("--config and --config-file cannot be used together", error.Message);
    }

    [Fact]
    public void Capture_names_the_file_to_replay()
    {
        RunOptions options = Parse("p.so", "--capture", "trace.scap", "--fields", "a.b", "--max-events", "2");

        Assert.Equal("trace.scap", options.Capture);
        Assert.Null(Parse("p.so").Capture);
    }

    [Fact]
    public void Capture_and_open_params_exclude_each_other()
    {
        var error = Assert.Throws<UsageException>(() => Parse("p.so", "--capture", "trace.scap", "--open-params", "x"));

        Assert.Equal("--open-params cannot be used with --capture: a replay does not open the plugin's source", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Max_events_must_be_a_positive_whole_number(string value)
    {
        var error = Assert.Throws<UsageException>(() => Parse("p.so", "--max-events", value));

        Assert.Equal($"--max-events needs a positive whole number, not '{value}'", error.Message);
    }

    [Fact]
    public void Plugin_argument_is_required()
    {
        Assert.Equal("missing <plugin>", Assert.Throws<UsageException>(() => Parse("--json")).Message);
    }

    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData(" a , b ", new[] { "a", "b" })]
    [InlineData("a,b[3],c", new[] { "a", "b[3]", "c" })]
    [InlineData("k[x,y],z", new[] { "k[x,y]", "z" })]
    [InlineData("a,b,a", new[] { "a", "b" })]
    public void Fields_split_at_commas_outside_brackets(string list, string[] expected)
    {
        Assert.Equal(expected, RunOptions.SplitFields(list));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,,b")]
    [InlineData("a,")]
    public void Empty_field_entries_are_usage_errors(string list)
    {
        var error = Assert.Throws<UsageException>(() => RunOptions.SplitFields(list));

        Assert.StartsWith("--fields has an empty entry", error.Message, System.StringComparison.Ordinal);
    }
}

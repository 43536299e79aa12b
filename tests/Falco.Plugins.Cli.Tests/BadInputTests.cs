using System;
using System.IO;
using Falco.Plugins.Cli.Tests.Infrastructure;

namespace Falco.Plugins.Cli.Tests;

/// <summary>
/// What users get wrong: config files that cannot be read, field names the plugin does not
/// have, libraries that are not plugins or require another plugin API. Each is one line on
/// standard error, without a stack trace, and a non-zero exit code.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("falco-plugin-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_config_file_is_named()
    {
        string missing = Path.Combine(_directory, "missing.json");

        CliRunner.Result result = CliRunner.Run("run", FakePlugins.Valid, "--config-file", missing);

        AssertOneLineFailure(result, $"falco-plugin: cannot read the config file: Could not find file '{missing}'.");
    }

    [Fact]
    public void A_directory_given_as_config_file_is_named()
    {
        CliRunner.Result result = CliRunner.Run("run", FakePlugins.Valid, "--config-file", _directory);

        AssertOneLineFailure(result, $"falco-plugin: cannot read the config file: {_directory} is a directory");
    }

    [Theory]
    [InlineData("{\"jitter\": ", "falco-plugin: error in plugin dummy: init config is not a valid json")]
    [InlineData("{\"jitter\": \"high\"}", "falco-plugin: error in plugin dummy init config: ")]
    public void A_config_file_with_a_bad_config_fails_like_the_inline_config(string content, string expected)
    {
        string file = Path.Combine(_directory, "config.json");
        File.WriteAllText(file, content);

        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--config-file", file);

        AssertOneLineFailure(result, expected);
    }

    [Fact]
    public void A_config_file_is_used_as_the_init_config()
    {
        string file = Path.Combine(_directory, "config.json");
        File.WriteAllText(file, "{\"jitter\": 0}\n");

        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--config-file", file, "--open-params", "{\"start\": 1, \"maxEvents\": 3}", "--fields", "dummy.value");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["dummy.value=2", "dummy.value=3", "dummy.value=4"], Array.ConvertAll(result.OutputLines, l => l[(l.LastIndexOf(' ') + 1)..]));
    }

    [Theory]
    [InlineData("nope", "falco-plugin: filter 'nope': unknown field")]
    [InlineData("dummy.value,evt.num", "falco-plugin: filter 'evt.num': unknown field")]
    [InlineData("dummy.value[1]", "falco-plugin: filter 'dummy.value[1]': dummy.value does not allow nor require an argument but one is provided: 1")]
    [InlineData("dummy.divisible[3", "falco-plugin: filter 'dummy.divisible[3': dummy.divisible has unbalanced argument brackets")]
    [InlineData("dummy.divisible[-1]", "falco-plugin: filter dummy.divisible[-1] dummy.divisible has an invalid index argument")]
    public void A_wrong_field_name_is_refused_before_the_capture_opens(string fields, string expected)
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--fields", fields);

        AssertOneLineFailure(result, expected);
    }

    [Fact]
    public void An_empty_field_name_is_a_usage_error()
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--fields", "dummy.value,,dummy.strvalue");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("falco-plugin: --fields has an empty entry: 'dummy.value,,dummy.strvalue'", result.ErrorLines[0]);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("info")]
    [InlineData("run")]
    public void A_shared_library_that_is_not_a_plugin_is_refused(string verb)
    {
        CliRunner.Result result = CliRunner.Run(verb, FakePlugins.PlainLibrary);

        AssertOneLineFailure(result, "falco-plugin: plugin_get_required_api_version symbol not implemented");
    }

    [Theory]
    [InlineData("info")]
    [InlineData("run")]
    public void A_text_file_named_so_is_refused_with_the_loader_error(string verb)
    {
        string path = Path.Combine(_directory, "libtext.so");
        File.WriteAllText(path, "not a library\n");

        CliRunner.Result result = CliRunner.Run(verb, path);

        AssertOneLineFailure(result, $"falco-plugin: can't load plugin dynamic library: {path}: ");
    }

    [Fact]
    public void An_empty_file_named_so_is_refused_with_the_loader_error()
    {
        string path = Path.Combine(_directory, "libempty.so");
        File.WriteAllBytes(path, []);

        CliRunner.Result result = CliRunner.Run("info", path);

        AssertOneLineFailure(result, $"falco-plugin: can't load plugin dynamic library: {path}: ");
    }

    [Theory]
    [InlineData("2.0.0", "major versions disagree")]
    [InlineData("4.0.0", "major versions disagree")]
    [InlineData("3.99.0", "framework's minor is less than the requested one")]
    [InlineData("3.12.99", "framework's patch is less than the requested one")]
    public void A_plugin_for_an_incompatible_api_is_refused(string version, string reason)
    {
        foreach (string verb in new[] { "info", "run" })
        {
            CliRunner.Result result = CliRunner.Run(verb, FakePlugins.Requiring(version));

            AssertOneLineFailure(result, $"falco-plugin: plugin required API version '{version}' not compatible with the framework's API version '3.12.0': {reason}");
        }
    }

    [Fact]
    public void A_required_api_version_that_is_not_a_version_is_refused()
    {
        CliRunner.Result result = CliRunner.Run("info", FakePlugins.Requiring("three"));

        AssertOneLineFailure(result, "falco-plugin: plugin provided an invalid required API version: 'three'");
    }

    [Fact]
    public void A_plugin_without_a_required_symbol_is_refused()
    {
        AssertOneLineFailure(CliRunner.Run("run", FakePlugins.WithoutInit), "falco-plugin: required symbol not implemented: 'init'");
    }

    [Fact]
    public void A_plugin_without_a_capability_is_refused()
    {
        AssertOneLineFailure(CliRunner.Run("info", FakePlugins.WithoutCapability), "falco-plugin: plugin does not implement any capability");
    }

    [Fact]
    public void The_fake_plugin_itself_loads_and_runs()
    {
        CliRunner.Result result = CliRunner.Run("run", FakePlugins.Valid);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Matches(@"^0 events in \d+ ms$", Assert.Single(result.ErrorLines));
    }

    private static void AssertOneLineFailure(CliRunner.Result result, string expectedStart)
    {
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith(expectedStart, result.Error, StringComparison.Ordinal);
        Assert.Single(result.ErrorLines);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}

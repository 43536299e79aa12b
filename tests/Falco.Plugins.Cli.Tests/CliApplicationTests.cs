using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Falco.Plugins.Cli.Commands;
using Falco.Plugins.Cli.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Tests;

public sealed class CliApplicationTests
{
    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Usage_is_printed_on_request_with_success(params string[] arguments)
    {
        CliRunner.Result result = CliRunner.Run(arguments);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("usage: falco-plugin <command> [options]\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("\n  info  ", result.Output, StringComparison.Ordinal);
        Assert.Contains("\n  run   ", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("info")]
    [InlineData("run")]
    public void Verb_help_lists_its_options(string verb)
    {
        CliRunner.Result result = CliRunner.Run(verb, "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith($"usage: falco-plugin {verb} <plugin>", result.Output, StringComparison.Ordinal);
        Assert.Contains("--json", result.Output, StringComparison.Ordinal);
        Assert.Contains("-h, --help", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_help_lines_up_continued_help_lines()
    {
        string[] lines = CliRunner.Run("run", "-h").Output.Split('\n');

        int fields = Array.FindIndex(lines, l => l.StartsWith("  --fields <list>", StringComparison.Ordinal));
        int column = lines[fields].IndexOf("the fields", StringComparison.Ordinal);
        Assert.Equal(new string(' ', column) + "(default: every field that does not require an argument)", lines[fields + 1]);
    }

    [Theory]
    [InlineData("falco-plugin: unknown command 'frob'", "frob")]
    [InlineData("falco-plugin: unknown option '--frob'", "--frob")]
    public void Unknown_verb_is_a_usage_error(string message, string verb)
    {
        CliRunner.Result result = CliRunner.Run(verb);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(message, result.ErrorLines[0]);
        Assert.Equal("usage: falco-plugin <command> [options]", result.ErrorLines[1]);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Verb_usage_error_prints_the_message_and_the_verb_synopsis()
    {
        CliRunner.Result result = CliRunner.Run("run", "plugin.so", "--max-events", "none");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(
            [
                "falco-plugin: --max-events needs a positive whole number, not 'none'",
                "usage: falco-plugin run <plugin> [--config <json>|--config-file <path>] [--open-params <text>|--capture <path>] [--fields <list>] [--max-events <n>] [--json]",
                "Run 'falco-plugin run --help' for more information.",
            ],
            result.ErrorLines);
    }

    [Theory]
    [InlineData("info")]
    [InlineData("run")]
    public void Missing_file_is_a_one_line_failure(string verb)
    {
        CliRunner.Result result = CliRunner.Run(verb, "/nonexistent/libnothing.so");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("falco-plugin: /nonexistent/libnothing.so: no such file or directory\n", result.Error);
    }

    [Fact]
    public void File_that_is_not_a_library_fails_with_the_loader_error()
    {
        string path = Path.Combine(Path.GetTempPath(), $"falco-plugin-cli-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "this is not an ELF file, but long enough to have a header to read from it");
        try
        {
            CliRunner.Result result = CliRunner.Run("info", path);

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Single(result.ErrorLines);
            Assert.StartsWith($"falco-plugin: can't load plugin dynamic library: {path}: ", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Expected_failures_exit_with_1_and_their_message()
    {
        Assert.Equal(
            new CliRunner.Result(ExitCodes.Failure, "", "falco-plugin: could not initialize plugin: boom\n"),
            RunThrowing(new PluginHostException("could not initialize plugin: boom")));
        Assert.Equal(
            new CliRunner.Result(ExitCodes.Failure, "", "falco-plugin: publish failed\n"),
            RunThrowing(new CliException("publish failed")));
    }

    [Fact]
    public void Unexpected_exceptions_exit_with_3_and_ask_for_a_report_without_a_stack_trace()
    {
        CliRunner.Result result = RunThrowing(new InvalidOperationException("the impossible happened"));

        Assert.Equal(ExitCodes.InternalError, result.ExitCode);
        Assert.Equal("falco-plugin: InvalidOperationException: the impossible happened (unexpected error; please report it)\n", result.Error);
    }

    private static CliRunner.Result RunThrowing(Exception exception)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = CliApplication.Run(["throw"], output, error, [new ThrowingCommand(exception)], CancellationToken.None);
        return new CliRunner.Result(exitCode, output.ToString(), error.ToString());
    }

    private sealed class ThrowingCommand(Exception exception) : ICommand
    {
        public string Name => "throw";

        public string Summary => "throws";

        public string Synopsis => "";

        public string Description => "Throws the exception it was given.";

        public IReadOnlyList<OptionSpec> Options => [];

        public int Execute(Arguments arguments, CommandContext context) => throw exception;
    }
}

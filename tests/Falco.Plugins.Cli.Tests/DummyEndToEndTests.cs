using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Falco.Plugins.Cli.Tests.Infrastructure;

namespace Falco.Plugins.Cli.Tests;

/// <summary>The verbs run in-process against the published examples/Dummy library.</summary>
public sealed partial class DummyEndToEndTests
{
    private const string NoJitter = "{\"jitter\":0}";
    private const string TwentyFromOne = "{\"start\":1,\"maxEvents\":20}";

    [GeneratedRegex(@"^(\d+) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z) \{""sample"": ""(\d+)""\} dummy\.value=(\d+) dummy\.strvalue=(\d+) dummy\.divisible\[3\]=([01])$")]
    private static partial Regex EventLine();

    [Fact]
    public void Info_shows_metadata_capabilities_fields_and_symbols()
    {
        CliRunner.Result result = CliRunner.Run("info", PublishedPlugins.Dummy);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.OutputLines;
        Assert.Contains("name:                 dummy", lines);
        Assert.Contains("version:              0.1.0", lines);
        Assert.Contains("required API version: 3.0.0", lines);
        Assert.Contains("capabilities:         event sourcing, field extraction", lines);
        Assert.Contains("event source:         dummy (id 3)", lines);
        Assert.Contains("fields (3):", lines);
        Assert.Matches(@"^  dummy\.divisible +uint64 +index, required +Return 1 if the value is divisible", lines.Single(l => l.StartsWith("  dummy.divisible", StringComparison.Ordinal)));
        Assert.Matches(@"^  dummy\.value +uint64 +The sample value in the event$", lines.Single(l => l.StartsWith("  dummy.value", StringComparison.Ordinal)));
        Assert.Matches(@"^  dummy\.strvalue +string +The sample value in the event, as a string$", lines.Single(l => l.StartsWith("  dummy.strvalue", StringComparison.Ordinal)));
        Assert.Contains("    \"jitter\": {", lines);
        Assert.Contains("  plugin_event_to_string", lines);
        Assert.Contains("  plugin_extract_fields", lines);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Info_json_parses_and_describes_the_plugin()
    {
        CliRunner.Result result = CliRunner.Run("info", PublishedPlugins.Dummy, "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        JsonElement root = document.RootElement;
        Assert.Equal("dummy", root.GetProperty("name").GetString());
        Assert.Equal(["sourcing", "extraction"], root.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3u, root.GetProperty("id").GetUInt32());
        Assert.Equal(["dummy.divisible", "dummy.value", "dummy.strvalue"], root.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("initSchema").GetProperty("properties").GetProperty("jitter").ValueKind);
        Assert.Contains("plugin_next_batch", root.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Run_prints_one_line_per_event_with_the_requested_fields()
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--config", NoJitter, "--open-params", TwentyFromOne, "--fields", "dummy.value,dummy.strvalue,dummy.divisible[3]");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(20, result.OutputLines.Length);
        for (int i = 0; i < 20; i++)
        {
            Match line = EventLine().Match(result.OutputLines[i]);
            Assert.True(line.Success, $"unexpected line: {result.OutputLines[i]}");
            ulong sample = (ulong)i + 2;
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), line.Groups[1].Value);
            Assert.Equal([sample.ToString(CultureInfo.InvariantCulture)], new[] { line.Groups[3].Value, line.Groups[4].Value, line.Groups[5].Value }.Distinct());
            Assert.Equal(sample % 3 == 0 ? "1" : "0", line.Groups[6].Value);
        }

        Assert.Matches(@"^20 events in \d+ ms$", result.ErrorLines.Single());
    }

    [Fact]
    public void Run_without_fields_prints_every_field_that_needs_no_argument()
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--config", NoJitter, "--open-params", TwentyFromOne, "--max-events", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.OutputLines.Length);
        Assert.EndsWith(" {\"sample\": \"4\"} dummy.value=4 dummy.strvalue=4", result.OutputLines[2], StringComparison.Ordinal);
        Assert.Matches(@"^3 events in \d+ ms$", result.ErrorLines.Single());
    }

    [Fact]
    public void Run_json_prints_one_parsable_object_per_event()
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--config", NoJitter, "--open-params", TwentyFromOne, "--fields", "dummy.value,dummy.divisible[2]", "--max-events", "5", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, result.OutputLines.Length);
        for (int i = 0; i < 5; i++)
        {
            using var document = JsonDocument.Parse(result.OutputLines[i]);
            JsonElement root = document.RootElement;
            ulong sample = (ulong)i + 2;
            Assert.Equal((ulong)i + 1, root.GetProperty("evt.num").GetUInt64());
            Assert.Equal($"{{\"sample\": \"{sample}\"}}", root.GetProperty("evt.plugininfo").GetString());
            Assert.Equal(sample, root.GetProperty("dummy.value").GetUInt64());
            Assert.Equal(sample % 2 == 0 ? 1ul : 0ul, root.GetProperty("dummy.divisible[2]").GetUInt64());
            Assert.NotEqual(0ul, root.GetProperty("evt.rawtime").GetUInt64());
        }
    }

    [Fact]
    public void Field_that_fails_to_extract_is_absent_with_a_warning()
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--config", NoJitter, "--fields", "dummy.value,dummy.divisible[0]", "--max-events", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(" dummy.value=2 dummy.divisible[0]=<NA>", result.OutputLines.Single(), StringComparison.Ordinal);
        Assert.StartsWith("falco-plugin: warning: event 1: cannot extract dummy.divisible[0]: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("must not be 0", result.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Interrupted_run_stops_cleanly_with_a_summary()
    {
        using var interrupted = new CancellationTokenSource();
        using var output = new InterruptingWriter(interrupted, afterLines: 5);
        using var error = new StringWriter();

        int exitCode = CliApplication.Run(["run", PublishedPlugins.Dummy, "--open-params", "{\"maxEvents\":1000000000}"], output, error, interrupted.Token);

        Assert.Equal(0, exitCode);
        Assert.Equal(5, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches(@"^5 events in \d+ ms\n$", error.ToString());
    }

    [Theory]
    [InlineData("falco-plugin: error in plugin dummy init config: ", "--config", "{\"jitter\":-1}")]
    [InlineData("falco-plugin: error in plugin dummy: init config is not a valid json", "--config", "{jitter")]
    [InlineData("falco-plugin: error in plugin dummy init config: ", "--config", "{\"unknown\":1}")]
    [InlineData("falco-plugin: filter 'dummy.nope': unknown field", "--fields", "dummy.nope")]
    [InlineData("falco-plugin: filter 'dummy.divisible': dummy.divisible requires an argument but none provided", "--fields", "dummy.divisible")]
    [InlineData("falco-plugin: filter dummy.divisible[x] dummy.divisible has an invalid index argument", "--fields", "dummy.divisible[x]")]
    [InlineData("falco-plugin: could not open capture of plugin dummy: ", "--open-params", "{\"batchSize\":0}")]
    public void Expected_failures_print_one_line_and_exit_with_1(string message, string option, string value)
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.ErrorLines);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    /// <summary>Standard output that plays the user pressing Ctrl+C after some lines.</summary>
    private sealed class InterruptingWriter(CancellationTokenSource interrupt, int afterLines) : StringWriter
    {
        private int _lines;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (++_lines == afterLines)
            {
                interrupt.Cancel();
            }
        }
    }
}

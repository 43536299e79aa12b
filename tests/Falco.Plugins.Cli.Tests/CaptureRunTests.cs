using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Falco.Plugins.Cli.Tests.Infrastructure;

namespace Falco.Plugins.Cli.Tests;

/// <summary>
/// <c>run --capture</c> in-process: the shared captures replayed through the published
/// examples/ThreadCounter, each event printed as libsinsp renders it next to the plugin's fields.
/// </summary>
public sealed partial class CaptureRunTests
{
    [GeneratedRegex(@"^(\d+) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z) ([a-z_0-9]+(?: \S.*?)?) threadcounter\.events=(\d+|<NA>) threadcounter\.table_events=(\d+|<NA>) threadcounter\.comm=(\S+)$")]
    private static partial Regex EventLine();

    [Fact]
    public void Replays_every_event_libsinsp_delivers_with_the_default_fields()
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.ThreadCounter, "--capture", SharedCaptures.SingleIpv6Conn);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1714, result.OutputLines.Length);
        Match[] lines = result.OutputLines.Select(line => EventLine().Match(line)).ToArray();
        Assert.All(lines, line => Assert.True(line.Success, line.Value));
        Assert.Equal(Enumerable.Range(1, 1714).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Select(l => l.Groups[1].Value));
        Assert.Equal("1 2018-08-10T23:30:44.999999999Z procinfo cpu_usr=85 cpu_sys=235 threadcounter.events=1 threadcounter.table_events=1 threadcounter.comm=systemd", result.OutputLines[0]);
        Assert.Equal("1714 2018-08-10T23:31:01.999999999Z procinfo cpu_usr=2 cpu_sys=8 threadcounter.events=18 threadcounter.table_events=18 threadcounter.comm=sysdig", result.OutputLines[^1]);
        // Converted as libscap converts it: fd from its enter event, addr from that enter event's
        // version, which had none and got the unspecified family.
        Assert.Contains(lines, line => line.Groups[3].Value == "connect res=-115(EINPROGRESS) tuple=2001:db8::4:54405->2001:db8::3:1234 fd=3 addr=family 0");
        Assert.Equal(
            ["accept", "bind", "connect", "listen", "procinfo", "read", "socket", "write"],
            lines.Select(line => line.Groups[3].Value.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Matches(@"^1714 events in \d+ ms$", result.ErrorLines.Single());
    }

    [Fact]
    public void Replays_a_first_format_capture_as_json_up_to_max_events()
    {
        CliRunner.Result result = CliRunner.Run(
            "run", PublishedPlugins.ThreadCounter, "--capture", SharedCaptures.TestIpv6Client,
            "--fields", "threadcounter.comm,threadcounter.fd_name[0]", "--max-events", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.OutputLines.Length);
        using var first = JsonDocument.Parse(result.OutputLines[0]);
        JsonElement root = first.RootElement;
        Assert.Equal(1ul, root.GetProperty("evt.num").GetUInt64());
        Assert.Equal(1534551447999999999ul, root.GetProperty("evt.rawtime").GetUInt64());
        Assert.Equal("<NA>", root.GetProperty("evt.plugininfo").GetString());
        Assert.Equal("procinfo cpu_usr=106 cpu_sys=221", root.GetProperty("event").GetString());
        Assert.Equal("systemd", root.GetProperty("threadcounter.comm").GetString());
        Assert.Equal("/dev/null", root.GetProperty("threadcounter.fd_name[0]").GetString());
        Assert.Matches(@"^3 events in \d+ ms$", result.ErrorLines.Single());
    }

    [Fact]
    public void A_plugin_that_takes_no_syscall_events_cannot_replay()
    {
        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.Dummy, "--capture", SharedCaptures.TestIpv6Client);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal("falco-plugin: plugin dummy neither parses nor extracts fields from syscall events, so it cannot replay a capture", result.ErrorLines.Single());
    }

    [Fact]
    public void A_missing_capture_is_an_expected_failure()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid()}.scap");

        CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.ThreadCounter, "--capture", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("falco-plugin: cannot read the capture file: ", result.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_capture_fails_with_the_offset_after_the_events_before_it()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] capture = Decompress(SharedCaptures.TestIpv6Client);
            File.WriteAllBytes(path, capture[..^10]);

            CliRunner.Result result = CliRunner.Run("run", PublishedPlugins.ThreadCounter, "--capture", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(292, result.OutputLines.Length);
            Assert.Matches(@"^falco-plugin: invalid capture file at offset \d+: the capture ends inside a block of type 0x204 and length \d+$", result.ErrorLines.Single());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Open_params_are_refused_with_a_capture()
    {
        CliRunner.Result result = CliRunner.Run("run", "libx.so", "--capture", "x.scap", "--open-params", "y");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("falco-plugin: --open-params cannot be used with --capture", result.ErrorLines[0], StringComparison.Ordinal);
    }

    private static byte[] Decompress(string path)
    {
        using FileStream file = File.OpenRead(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}

using System;
using System.Linq;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// Typed syscall events through a published plugin (tests/plugins/SyscallProbe): parse handlers
/// and typed fields dispatched by event code, the derived event types, the event schema version
/// and the required API version.
/// </summary>
public sealed class SyscallProbeTests
{
    private static CapturedEvent Openat2(long fd, string path, ulong number = 1) =>
        CapturedEvent.FromBytes(SyscallOpenat2Exit.Encode(1_700_000_000_000_000_000, 42, fd, -100, System.Text.Encoding.UTF8.GetBytes(path), 0, 0, 0, 0), number, "syscall");

    private static CapturedEvent Open(long fd, string path) =>
        CapturedEvent.FromBytes(SyscallOpenExit.Encode(1_700_000_000_000_000_000, 42, fd, System.Text.Encoding.UTF8.GetBytes(path), 0, 0, 0, 0), 2, "syscall");

    private static CapturedEvent Close() =>
        CapturedEvent.FromBytes(SyscallCloseExit.Encode(1_700_000_000_000_000_000, 42, 0, 3), 3, "syscall");

    [Fact]
    public void The_plugin_reports_the_event_schema_version_and_requires_api_3_12()
    {
        using Plugin plugin = Plugin.Load(PublishedPlugins.SyscallProbe);

        Assert.Equal(EventSchema.Version, plugin.Info.RequiredEventSchemaVersion);
        Assert.Equal("3.12.0", plugin.Info.RequiredApiVersion);
        Assert.Contains("get_required_event_schema_version", plugin.Info.Symbols);
        Assert.Equal(new[] { SyscallOpenat2Exit.Code, SyscallCloseExit.Code }, plugin.ParseEventTypes());
        Assert.Null(plugin.ExtractEventTypes());
    }

    [Fact]
    public void Parse_handlers_and_typed_fields_read_the_events_of_their_codes()
    {
        using Plugin plugin = Plugin.Load(PublishedPlugins.SyscallProbe);

        plugin.Parse(Openat2(5, "/etc/passwd"));
        plugin.Parse(Close());

        Assert.Equal("1/1 /etc/passwd", plugin.Extract(Close(), "syscallprobe.counts").String);
        Assert.Equal("/etc/passwd", plugin.Extract(Openat2(5, "/etc/passwd"), "syscallprobe.path").String);
        Assert.Equal("/tmp/x", plugin.Extract(Open(4, "/tmp/x"), "syscallprobe.path").String);
        Assert.False(plugin.Extract(Close(), "syscallprobe.path").IsPresent);
        Assert.Equal(15UL, plugin.Extract(Openat2(5, "/a"), "syscallprobe.fd_plus[10]").UInt64);
        Assert.False(plugin.Extract(Openat2(-2, "/a"), "syscallprobe.fd_plus[10]").IsPresent);
    }

    [Fact]
    public void A_failing_handler_and_a_malformed_event_fail_with_clear_errors()
    {
        using Plugin plugin = Plugin.Load(PublishedPlugins.SyscallProbe);

        Assert.Equal(1, plugin.TryParse(Openat2(SyscallProbeFailingFd, "/x")));
        Assert.Equal("syscallprobe: parse_event: refusing descriptor -999", plugin.LastError);

        byte[] bytes = SyscallCloseExit.Encode(1, 42, 0, 3);
        byte[] truncated = bytes.AsSpan(0, bytes.Length - 2).ToArray();
        BitConverter.TryWriteBytes(truncated.AsSpan(16), (uint)truncated.Length);
        Assert.Equal(1, plugin.TryParse(CapturedEvent.FromBytes(truncated, 9, "syscall")));
        Assert.StartsWith($"syscallprobe: parse_event: event 9 (code {SyscallCloseExit.Code}) is malformed: SyscallCloseExit: ", plugin.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.4.0", "event schema minor version is less than the requested one")]
    [InlineData("5.0.0", "major versions disagree")]
    [InlineData("4.5.0", "event schema patch version is less than the requested one")]
    public void A_host_with_an_older_or_other_schema_refuses_the_plugin(string schema, string reason)
    {
        var options = new PluginHostOptions { EventSchemaVersion = Version.Parse(schema) };

        var error = Assert.Throws<PluginHostException>(() => Plugin.Load(PublishedPlugins.SyscallProbe, options: options));

        Assert.Equal($"plugin syscallprobe required event schema version '{EventSchema.Version}' not compatible with the event schema version in use '{schema}': {reason}", error.Message);
    }

    [Fact]
    public void A_raw_syscall_parser_declares_the_schema_major_it_reads_without_raising_its_api_version()
    {
        using (Plugin plugin = Plugin.Load(PublishedPlugins.TableProbe))
        {
            Assert.Equal("4.0.0", plugin.Info.RequiredEventSchemaVersion);
            Assert.Equal("3.5.0", plugin.Info.RequiredApiVersion);
        }

        var options = new PluginHostOptions { EventSchemaVersion = Version.Parse("5.0.0") };
        var error = Assert.Throws<PluginHostException>(() => Plugin.Load(PublishedPlugins.TableProbe, options: options));
        Assert.Equal("plugin tableprobe required event schema version '4.0.0' not compatible with the event schema version in use '5.0.0': major versions disagree", error.Message);
    }

    private const long SyscallProbeFailingFd = -999;
}

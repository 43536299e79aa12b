using System;
using Falco.Plugins.Cli.Commands;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Tests;

public sealed class RunCommandTests
{
    private static readonly PluginInfo Info = new()
    {
        Path = "/plugins/libsample.so",
        Name = "sample",
        Version = "1.0.0",
        Description = "d",
        Contact = "c",
        RequiredApiVersion = "3.0.0",
        Capabilities = PluginCapabilities.Sourcing | PluginCapabilities.Extraction,
        Fields =
        [
            new PluginField(0, "sample.nth", FieldType.UInt64, false, true, true, false, "", "d", false, []),
            new PluginField(1, "sample.value", FieldType.UInt64, false, false, false, false, "", "d", false, []),
            new PluginField(2, "sample.tag", FieldType.String, false, false, false, true, "", "d", false, []),
            new PluginField(3, "sample.key", FieldType.String, false, true, false, true, "", "d", false, []),
        ],
    };

    [Fact]
    public void Default_fields_are_those_without_a_required_argument()
    {
        Assert.Equal(["sample.value", "sample.tag"], RunCommand.DefaultFields(Info));
    }

    [Fact]
    public void Plugin_without_extraction_has_no_default_fields()
    {
        Assert.Empty(RunCommand.DefaultFields(Info with { Capabilities = PluginCapabilities.Sourcing }));
    }

    [Theory]
    [InlineData(20, 12.7, "20 events in 12 ms")]
    [InlineData(1, 0.4, "1 event in 0 ms")]
    [InlineData(0, 3000, "0 events in 3000 ms")]
    public void Summary_counts_events_and_milliseconds(long events, double milliseconds, string expected)
    {
        Assert.Equal(expected, RunCommand.FormatSummary(events, TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Plugin_logs_show_severity_and_component()
    {
        Assert.Equal("[warning] dummy: careful", PluginLogFormatter.Format(new LogEntry("dummy", "careful", LogSeverity.Warning)));
        Assert.Equal("[severity 42] dummy: odd", PluginLogFormatter.Format(new LogEntry("dummy", "odd", (LogSeverity)42)));
    }
}

using System;
using System.Buffers.Binary;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// The failure paths of callbacks the framework and other plugins call into the published
/// tests/plugins/FaultProbe: its exported table, and events the framework hands it broken.
/// The table callbacks run SDK code only (the values live in the SDK), so bad calls are the
/// faults they can meet.
/// </summary>
public sealed class FaultInjectionTableTests
{
    [Fact]
    public void A_read_of_a_missing_entry_fails_with_the_owners_reason_and_the_table_keeps_working()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe);
        host.Parse(FaultProbeChecks.FirstEvent(plugin));
        StateTable items = host.GetTable("faultprobe_items");

        var error = Assert.Throws<PluginHostException>(() => items.Read("missing", "count"));

        Assert.Equal("table 'faultprobe_items': faultprobe: table faultprobe_items: table 'faultprobe_items' has no entry with key missing", error.Message);
        Assert.Equal(1ul, items.Read("1", "count"));
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    [Fact]
    public void A_write_of_a_read_only_field_fails_and_leaves_the_value()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe);
        host.Parse(FaultProbeChecks.FirstEvent(plugin));
        StateTable items = host.GetTable("faultprobe_items");

        var error = Assert.Throws<PluginHostException>(() => items.Write("1", "even", true));

        Assert.Equal("table 'faultprobe_items': faultprobe: table faultprobe_items: field 'even' of table 'faultprobe_items' is read-only", error.Message);
        Assert.Equal(false, items.Read("1", "even"));
        items.Write("1", "count", 41ul);
        host.Parse(FaultProbeChecks.FirstEvent(plugin));
        Assert.Equal(42ul, items.Read("1", "count"));
        Assert.Equal(true, items.Read("1", "even"));
    }

    [Fact]
    public void A_broken_event_is_refused_before_author_code_sees_it()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FaultProbe);
        CapturedEvent broken = BrokenPluginEvent();

        var parse = Assert.Throws<PluginHostException>(() => host.Parse(broken));
        string parseError = plugin.LastError;
        var extract = Assert.Throws<PluginHostException>(() => plugin.Extract(broken, "faultprobe.value"));
        string extractError = plugin.LastError;
        string? text = plugin.EventToString(broken);

        const string Cause = "is malformed: the plugin event length 30 is shorter than the 38-byte minimum";
        Assert.Equal($"faultprobe: parse_event: event {broken.Number} {Cause}", parseError);
        Assert.Equal($"faultprobe: extract_fields: event {broken.Number} {Cause}", extractError);
        Assert.Null(text);
        Assert.Equal($"faultprobe: event_to_string: event {broken.Number} {Cause}", plugin.LastError);
        Assert.Equal(0ul, host.GetTable("faultprobe_items").Count);
        FaultProbeChecks.AssertWorks(host, plugin);
    }

    /// <summary>A plugin event whose header claims fewer bytes than a plugin event's parameters take.</summary>
    private static CapturedEvent BrokenPluginEvent()
    {
        byte[] bytes = new byte[40];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1_700_000_000_000_000_000);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), ulong.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 30);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 322);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(26), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(30), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(34), 998);
        return CapturedEvent.FromBytes(bytes, source: "faultprobe");
    }
}

using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// The published tests/plugins/Probe library: every field type and argument kind, the three
/// source styles, logging, value offsets and injected faults.
/// </summary>
public sealed class ProbePluginTests
{
    private const string Config = "{\"label\": \"e2e\"}";

    private static Plugin Load(string config = Config, PluginHostOptions? options = null) => Plugin.Load(PublishedPlugins.Probe, config, options);

    private static CapturedEvent Event(ulong value) => CapturedEvent.PluginEvent(999, Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture)), source: "probe");

    [Fact]
    public void Requires_the_api_version_of_its_features_and_is_refused_by_older_frameworks()
    {
        using (var plugin = Load())
        {
            Assert.Equal("3.11.0", plugin.Info.RequiredApiVersion);
        }

        var error = Assert.Throws<PluginHostException>(() => Load(options: new PluginHostOptions { ApiVersion = new Version(3, 10, 0) }));
        Assert.Equal("plugin required API version '3.11.0' not compatible with the framework's API version '3.10.0': framework's minor is less than the requested one", error.Message);
    }

    [Fact]
    public void Declares_every_field_type_and_argument_kind()
    {
        using var plugin = Load();
        var fields = plugin.Info.Fields.ToDictionary(f => f.Name);

        Assert.Equal(FieldType.UInt64, fields["probe.value"].Type);
        Assert.Equal("Value", fields["probe.value"].Display);
        Assert.True(fields["probe.value"].AddOutput);
        Assert.Equal(FieldType.Bool, fields["probe.even"].Type);
        Assert.Equal(["info"], fields["probe.even"].Properties);
        Assert.Equal(["hidden", "conversation"], fields["probe.odd"].Properties);
        Assert.Equal(FieldType.RelTime, fields["probe.elapsed"].Type);
        Assert.Equal(FieldType.AbsTime, fields["probe.when"].Type);
        Assert.Equal(FieldType.IPAddress, fields["probe.addr"].Type);
        Assert.Equal(FieldType.IPNetwork, fields["probe.net"].Type);
        Assert.True(fields["probe.digits"].IsList);
        Assert.True(fields["probe.words"].IsList);
        Assert.True(fields["probe.times"] is { ArgRequired: true, ArgIndex: true, ArgKey: false });
        Assert.True(fields["probe.plus"] is { ArgRequired: false, ArgIndex: true });
        Assert.True(fields["probe.label"] is { ArgRequired: true, ArgKey: true, ArgIndex: false });
        Assert.True(fields["probe.greet"] is { ArgRequired: false, ArgKey: true });
    }

    [Fact]
    public void Extracts_values_of_every_type()
    {
        using var plugin = Load();
        CapturedEvent evt = Event(42);

        Assert.Equal(42ul, plugin.Extract(evt, "probe.value").UInt64);
        Assert.Equal("value-42", plugin.Extract(evt, "probe.text").String);
        Assert.Equal("42", plugin.Extract(evt, "probe.payload").String);
        Assert.True(plugin.Extract(evt, "probe.even").Bool);
        Assert.False(plugin.Extract(evt, "probe.odd").IsPresent);
        Assert.Equal(43ul, plugin.Extract(Event(43), "probe.odd").UInt64);
        Assert.Equal(42_000_000_000ul, plugin.Extract(evt, "probe.elapsed").UInt64);
        Assert.Equal(42_000_000_000ul, plugin.Extract(evt, "probe.when").UInt64);
        Assert.Equal(IPAddress.Parse("10.0.0.42"), plugin.Extract(evt, "probe.addr").IPAddress);
        Assert.Equal(IPAddress.Parse("10.42.0.0"), plugin.Extract(evt, "probe.net").IPAddress);
        Assert.Equal([4ul, 2ul], plugin.Extract(evt, "probe.digits").Values.Cast<ulong>());
        Assert.Equal(["n", "42"], plugin.Extract(evt, "probe.words").Values.Cast<string>());
        Assert.Equal(14ul, plugin.Extract(evt, "probe.third").UInt64);
        Assert.False(plugin.Extract(Event(43), "probe.third").IsPresent);
    }

    [Fact]
    public void Passes_index_and_key_arguments()
    {
        using var plugin = Load();
        CapturedEvent evt = Event(7);

        Assert.Equal(21ul, plugin.Extract(evt, "probe.times[3]").UInt64);
        Assert.Equal(7ul, plugin.Extract(evt, "probe.plus").UInt64);
        Assert.Equal(12ul, plugin.Extract(evt, "probe.plus[5]").UInt64);
        Assert.Equal("/user/name7", plugin.Extract(evt, "probe.label[/user/name]").String);
        Assert.Equal(6ul, plugin.Extract(evt, "probe.keylen[héllo]").UInt64);
        Assert.Equal("hello", plugin.Extract(evt, "probe.greet").String);
        Assert.Equal("hello you", plugin.Extract(evt, "probe.greet[you]").String);
    }

    [Fact]
    public void Rejects_field_arguments_as_libsinsp_does()
    {
        using var plugin = Load();

        Assert.Equal("filter 'probe.times': probe.times requires an argument but none provided",
            Assert.Throws<PluginHostException>(() => plugin.Extract(Event(1), "probe.times")).Message);
        Assert.Equal("filter probe.times[01] probe.times has an invalid index argument starting with 0: 01",
            Assert.Throws<PluginHostException>(() => plugin.Extract(Event(1), "probe.times[01]")).Message);
        Assert.Equal("filter 'probe.value[1]': probe.value does not allow nor require an argument but one is provided: 1",
            Assert.Throws<PluginHostException>(() => plugin.Extract(Event(1), "probe.value[1]")).Message);
    }

    [Fact]
    public void Reports_value_offsets_from_the_event_start()
    {
        using var plugin = Load();
        CapturedEvent evt = Event(12345);

        var values = plugin.ExtractWithOffsets(evt, "probe.value", "probe.payload", "probe.length");

        Assert.Equal(((uint, uint)?)(0u, 0u), values[0].Offset);
        Assert.Equal(((uint, uint)?)(38u, 5u), values[1].Offset);
        Assert.Equal(((uint, uint)?)(38u, 5u), values[2].Offset);
        Assert.Null(plugin.ExtractWithOffsets(evt, "probe.value")[0].Offset);
    }

    [Fact]
    public void Caches_the_parsed_payload_per_event_not_across_events()
    {
        using var plugin = Load();
        CapturedEvent first = CapturedEvent.PluginEvent(999, "10"u8, number: 5);
        CapturedEvent second = CapturedEvent.PluginEvent(999, "20"u8, number: 6);

        Assert.Equal(10ul, plugin.Extract(first, "probe.value").UInt64);
        Assert.Equal("value-10", plugin.Extract(first, "probe.text").String);
        Assert.Equal(20ul, plugin.Extract(second, "probe.value").UInt64);
        Assert.Equal(10ul, plugin.Extract(first, "probe.value").UInt64);
    }

    [Fact]
    public void Extracts_nothing_from_events_that_are_not_plugin_events()
    {
        using var plugin = Load();
        byte[] syscall = new byte[26];
        BitConverter.TryWriteBytes(syscall.AsSpan(16), 26u);
        BitConverter.TryWriteBytes(syscall.AsSpan(20), (ushort)3);

        Assert.False(plugin.Extract(CapturedEvent.FromBytes(syscall), "probe.value").IsPresent);
    }

    [Fact]
    public void Fails_cleanly_on_malformed_plugin_events()
    {
        using var plugin = Load();
        byte[] bytes = Event(5).Bytes.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(30), 1000u);

        var error = Assert.Throws<PluginHostException>(() => plugin.Extract(CapturedEvent.FromBytes(bytes, number: 77), "probe.value"));

        Assert.Contains("probe: extract_fields: event 77 is malformed: the payload length 1000 exceeds the 1 bytes left in the event", error.Message, StringComparison.Ordinal);
        Assert.Equal(5ul, plugin.Extract(Event(5), "probe.value").UInt64);
    }

    [Theory]
    [InlineData("pull")]
    [InlineData("channel")]
    [InlineData("async")]
    public void Every_source_style_delivers_every_event_in_order(string mode)
    {
        using var plugin = Load($"{{\"label\": \"e2e\", \"mode\": \"{mode}\"}}");
        using var capture = plugin.Open("{\"count\": 25}");

        var events = capture.ReadEvents();

        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(CultureInfo.InvariantCulture)), events.Select(e => e.PayloadText));
        Assert.All(events, e => Assert.Equal(999u, e.PluginId));
    }

    [Fact]
    public void Closing_a_push_capture_early_stops_its_producer()
    {
        using var plugin = Load("{\"label\": \"e2e\", \"mode\": \"channel\"}");
        using (var capture = plugin.Open("{\"count\": 100000}"))
        {
            Assert.Equal(10, capture.ReadEvents(10).Count);
        }

        using var next = plugin.Open("{\"count\": 3}");
        Assert.Equal(3, next.ReadEvents().Count);
    }

    [Fact]
    public void An_exception_in_next_batch_delivers_the_events_before_it_then_fails_with_a_message()
    {
        using var plugin = Load("{\"label\": \"e2e\", \"failNextBatchAfter\": 6}");
        using var capture = plugin.Open("{\"count\": 100}");

        var delivered = new System.Collections.Generic.List<CapturedEvent>();
        var error = Assert.Throws<PluginHostException>(() =>
        {
            while (capture.Next(out CapturedEvent? evt) == CaptureStatus.Event)
            {
                delivered.Add(evt!);
            }
        });

        Assert.Equal(6, delivered.Count);
        Assert.Equal("plugin probe next_batch failed: probe: next_batch: InvalidOperationException: injected next_batch failure after 6 events", error.Message);
        Assert.Equal(2ul, plugin.Extract(delivered[1], "probe.value").UInt64);
    }

    [Fact]
    public void An_exception_in_an_extractor_fails_that_call_and_the_host_continues()
    {
        using var plugin = Load("{\"label\": \"e2e\", \"failExtractOn\": 3}");

        var error = Assert.Throws<PluginHostException>(() => plugin.Extract(Event(3), "probe.value"));

        Assert.EndsWith("probe: extract_fields: field probe.value: InvalidOperationException: injected extract failure on 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(4ul, plugin.Extract(Event(4), "probe.value").UInt64);
        Assert.Equal("value-3", plugin.Extract(Event(3), "probe.text").String);
    }

    [Fact]
    public void An_exception_in_the_constructor_fails_init_and_the_state_answers_get_last_error()
    {
        var error = Assert.Throws<PluginHostException>(() => Load("{\"label\": \"e2e\", \"throwInInit\": true}"));

        Assert.Equal("could not initialize plugin: probe: init: InvalidOperationException: injected init failure", error.Message);
    }

    [Fact]
    public void A_missing_required_config_key_is_named()
    {
        var options = new PluginHostOptions { ValidateConfig = false };

        var error = Assert.Throws<PluginHostException>(() => Load("{\"mode\": \"pull\"}", options));

        Assert.Equal("could not initialize plugin: probe: init: init config key 'label' is required but missing", error.Message);
    }

    [Fact]
    public void Logs_reach_the_framework_logger_with_the_plugin_name()
    {
        using var plugin = Load();

        LogEntry entry = Assert.Single(plugin.Logs);
        Assert.Equal(new LogEntry("probe", "probe e2e initialized in pull mode by probe", LogSeverity.Info), entry);
    }

    [Fact]
    public void Lists_its_open_params()
    {
        using var plugin = Load();

        Assert.Equal([("{\"count\": 10}", "ten events", ""), ("{\"count\": 1000}", "a thousand events", "")], plugin.ListOpenParams());
    }
}

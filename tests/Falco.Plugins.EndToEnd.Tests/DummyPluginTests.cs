using System.Globalization;
using System.IO;
using System.Linq;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>The published examples/Dummy library, driven through its exported symbols.</summary>
public sealed class DummyPluginTests
{
    private static readonly string[] BaseSourceExtractSymbols =
    [
        "get_required_api_version", "get_init_schema", "init", "destroy", "get_last_error", "get_name", "get_description",
        "get_contact", "get_version", "get_id", "get_event_source", "open", "close", "get_progress", "event_to_string",
        "next_batch", "get_extract_event_types", "get_fields", "extract_fields",
    ];

    [Fact]
    public void Library_exports_only_plugin_symbols_for_base_source_and_extract()
    {
        var symbols = ElfInspector.ExportedSymbols(PublishedPlugins.Dummy);

        Assert.All(symbols, s => Assert.StartsWith("plugin_", s));
        Assert.Equal(BaseSourceExtractSymbols.Order(), symbols.Select(s => s["plugin_".Length..]).Order());
    }

    [Fact]
    public void Library_is_linked_with_nodelete()
    {
        Assert.Matches(@"FLAGS_1\)\s+Flags:.*NODELETE", ElfInspector.DynamicSection(PublishedPlugins.Dummy));
    }

    [Fact]
    public void Library_is_at_most_4_MB()
    {
        Assert.InRange(new FileInfo(PublishedPlugins.Dummy).Length, 1, 4 * 1024 * 1024);
    }

    [Fact]
    public void Loader_reads_the_metadata_libsinsp_reads()
    {
        using var plugin = Plugin.Load(PublishedPlugins.Dummy);
        PluginInfo info = plugin.Info;

        Assert.Equal("dummy", info.Name);
        Assert.Equal("3.0.0", info.RequiredApiVersion);
        Assert.Equal(PluginCapabilities.Sourcing | PluginCapabilities.Extraction, info.Capabilities);
        Assert.Equal(3u, info.Id);
        Assert.Equal("dummy", info.EventSource);
        Assert.Equal(["dummy.divisible", "dummy.value", "dummy.strvalue"], info.Fields.Select(f => f.Name));
        Assert.True(info.Fields[0].ArgRequired && info.Fields[0].ArgIndex);
        Assert.Equal(FieldType.String, info.Fields[2].Type);
        Assert.Contains("\"jitter\"", info.InitSchema, System.StringComparison.Ordinal);
        Assert.Equal(["dummy"], info.ExtractEventSources);
        Assert.Equal([(ushort)322], plugin.ExtractEventTypes());
    }

    [Fact]
    public void Twenty_events_carry_the_samples_and_their_fields()
    {
        using var plugin = Plugin.Load(PublishedPlugins.Dummy, "{\"jitter\": 10}");
        using var capture = plugin.Open("{\"start\": 1, \"maxEvents\": 20}");

        var events = capture.ReadEvents();

        Assert.Equal(20, events.Count);
        ulong previous = 1;
        foreach (CapturedEvent evt in events)
        {
            ulong sample = ulong.Parse(evt.PayloadText, CultureInfo.InvariantCulture);
            Assert.InRange(sample, previous + 1, previous + 11);
            previous = sample;
            Assert.Equal(322, evt.Type);
            Assert.Equal(3u, evt.PluginId);
            Assert.Equal(ulong.MaxValue, evt.ThreadId);
            Assert.NotEqual(0ul, evt.Timestamp);

            Assert.Equal(sample, plugin.Extract(evt, "dummy.value").UInt64);
            Assert.Equal(evt.PayloadText, plugin.Extract(evt, "dummy.strvalue").String);
            Assert.Equal(sample % 3 == 0 ? 1ul : 0ul, plugin.Extract(evt, "dummy.divisible[3]").UInt64);
            Assert.Equal($"{{\"sample\": \"{sample}\"}}", plugin.EventToString(evt));
        }
    }

    [Fact]
    public void Zero_jitter_gives_consecutive_samples_and_several_fields_extract_in_one_call()
    {
        using var plugin = Plugin.Load(PublishedPlugins.Dummy, "{\"jitter\": 0}");
        using var capture = plugin.Open("{\"start\": 100, \"maxEvents\": 5, \"batchSize\": 2}");

        var events = capture.ReadEvents();

        Assert.Equal(["101", "102", "103", "104", "105"], events.Select(e => e.PayloadText));
        Assert.Equal(3, capture.BatchCalls);
        var values = plugin.Extract(events[1], "dummy.value", "dummy.strvalue", "dummy.divisible[2]", "dummy.divisible[5]");
        Assert.Equal(102ul, values[0].UInt64);
        Assert.Equal("102", values[1].String);
        Assert.Equal(1ul, values[2].UInt64);
        Assert.Equal(0ul, values[3].UInt64);
    }

    [Fact]
    public void Progress_follows_the_capture()
    {
        using var plugin = Plugin.Load(PublishedPlugins.Dummy);
        using var capture = plugin.Open("{\"maxEvents\": 4, \"batchSize\": 1}");

        Assert.Equal((0.0, "0/4"), capture.Progress);
        capture.Next(out _);
        Assert.Equal((25.0, "1/4"), capture.Progress);
    }

    [Fact]
    public void Empty_open_params_use_the_defaults()
    {
        using var plugin = Plugin.Load(PublishedPlugins.Dummy);
        using var capture = plugin.Open();

        Assert.Equal(20, capture.ReadEvents().Count);
    }

    [Fact]
    public void Host_refuses_a_config_that_breaks_the_schema_before_init()
    {
        var error = Assert.Throws<PluginHostException>(() => Plugin.Load(PublishedPlugins.Dummy, "{\"jitter\": \"lots\"}"));

        Assert.Equal("error in plugin dummy init config: config key 'jitter' expected an integer, got a string \"lots\"", error.Message);
    }

    [Theory]
    [InlineData("{\"jitter\": ", "dummy: init: init config is not valid JSON")]
    [InlineData("not json", "dummy: init: init config is not valid JSON")]
    [InlineData("{\"jitter\": \"lots\"}", "dummy: init: init config key 'jitter' expected an integer, got a string \"lots\"")]
    [InlineData("{\"jitter\": -3}", "dummy: init: init config key 'jitter' must be at least 0, got -3")]
    [InlineData("{\"jiter\": 3}", "dummy: init: init config key 'jiter' is not a known key (known keys: jitter)")]
    [InlineData("[1, 2]", "dummy: init: init config expected an object, got an array")]
    public void Plugin_rejects_a_bad_config_itself_with_a_message_naming_the_key(string config, string expected)
    {
        var options = new PluginHostOptions { ValidateConfig = false };

        var error = Assert.Throws<PluginHostException>(() => Plugin.Load(PublishedPlugins.Dummy, config, options));

        Assert.StartsWith("could not initialize plugin: " + expected, error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"start\": \"one\"}", "dummy: open: open params key 'start' expected an integer, got a string \"one\"")]
    [InlineData("{\"start\": 1,", "dummy: open: open params is not valid JSON")]
    [InlineData("{\"stop\": 1}", "dummy: open: open params key 'stop' is not a known key (known keys: start, maxEvents, batchSize)")]
    [InlineData("{\"batchSize\": 0}", "dummy: open: open params key 'batchSize' must be at least 1, got 0")]
    public void Bad_open_params_fail_open_with_a_message_and_the_plugin_keeps_working(string parameters, string expected)
    {
        using var plugin = Plugin.Load(PublishedPlugins.Dummy);

        var error = Assert.Throws<PluginHostException>(() => plugin.Open(parameters));

        Assert.StartsWith("could not open capture of plugin dummy: " + expected, error.Message, System.StringComparison.Ordinal);
        using var capture = plugin.Open("{\"maxEvents\": 3}");
        Assert.Equal(3, capture.ReadEvents().Count);
    }

    [Fact]
    public void Divisor_zero_fails_the_extraction_with_the_field_named_and_the_next_one_works()
    {
        using var plugin = Plugin.Load(PublishedPlugins.Dummy);
        using var capture = plugin.Open("{\"maxEvents\": 1}");
        CapturedEvent evt = capture.ReadEvents().Single();

        var error = Assert.Throws<PluginHostException>(() => plugin.Extract(evt, "dummy.divisible[0]"));

        Assert.EndsWith("dummy: extract_fields: field dummy.divisible: the divisor of dummy.divisible must not be 0", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(evt.PayloadText, plugin.Extract(evt, "dummy.strvalue").String);
    }

    [Fact]
    public void Two_inits_give_two_independent_plugins()
    {
        using var library = PluginLibrary.Load(PublishedPlugins.Dummy);
        using var steady = library.Init("{\"jitter\": 0}");
        var jumpy = library.Init("{\"jitter\": 1000000}");

        using (var capture = jumpy.Open("{\"maxEvents\": 50}"))
        {
            Assert.Contains(capture.ReadEvents(), e => ulong.Parse(e.PayloadText, CultureInfo.InvariantCulture) > 1000);
        }

        jumpy.Dispose();
        using var steadyCapture = steady.Open("{\"start\": 0, \"maxEvents\": 50}");
        Assert.Equal(Enumerable.Range(1, 50).Select(i => i.ToString(CultureInfo.InvariantCulture)), steadyCapture.ReadEvents().Select(e => e.PayloadText));
    }

    [Fact]
    public void Each_state_keeps_its_own_last_error()
    {
        using var library = PluginLibrary.Load(PublishedPlugins.Dummy);
        using var failing = library.Init();
        using var healthy = library.Init();

        Assert.Throws<PluginHostException>(() => failing.Open("{\"start\": -1}"));

        Assert.Contains("open params key 'start'", failing.LastError, System.StringComparison.Ordinal);
        Assert.Equal("", healthy.LastError);
    }
}

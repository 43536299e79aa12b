using System.Net;
using System.Text.Json;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Cli.Running;

namespace Falco.Plugins.Cli.Tests;

public sealed class EventJsonFormatterTests
{
    [Fact]
    public void Event_is_one_line_of_JSON_keyed_by_field_name()
    {
        var snapshot = new EventSnapshot(7, 1_795_305_039_123_456_789, "{\"sample\": \"2\"}",
        [
            new FieldValue("dummy.value", false, [2UL]),
            new FieldValue("dummy.strvalue", false, ["2"]),
            new FieldValue("dummy.absent", false, []),
            new FieldValue("probe.even", false, [true]),
            new FieldValue("probe.addr", false, [IPAddress.Parse("10.0.0.2")]),
            new FieldValue("probe.digits", true, [1UL, 2UL]),
            new FieldValue("probe.words", true, []),
        ]);

        string line = EventJsonFormatter.Format(snapshot);

        Assert.DoesNotContain('\n', line);
        using var document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        Assert.Equal(7ul, root.GetProperty("evt.num").GetUInt64());
        Assert.Equal("2026-11-21T23:50:39.123456789Z", root.GetProperty("evt.time").GetString());
        Assert.Equal(1_795_305_039_123_456_789ul, root.GetProperty("evt.rawtime").GetUInt64());
        Assert.Equal("{\"sample\": \"2\"}", root.GetProperty("evt.plugininfo").GetString());
        Assert.Equal(2ul, root.GetProperty("dummy.value").GetUInt64());
        Assert.Equal("2", root.GetProperty("dummy.strvalue").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("dummy.absent").ValueKind);
        Assert.True(root.GetProperty("probe.even").GetBoolean());
        Assert.Equal("10.0.0.2", root.GetProperty("probe.addr").GetString());
        Assert.Equal("[1,2]", root.GetProperty("probe.digits").GetRawText());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("probe.words").ValueKind);
        Assert.False(root.TryGetProperty("event", out _));
    }

    [Fact]
    public void Replayed_event_has_its_rendering_as_the_event_member()
    {
        var snapshot = new EventSnapshot(7, 0, "<NA>", [new FieldValue("threadcounter.events", false, [3UL])], "open fd=-2(ENOENT) name=/nope");

        using var document = JsonDocument.Parse(EventJsonFormatter.Format(snapshot));
        JsonElement root = document.RootElement;
        Assert.Equal("<NA>", root.GetProperty("evt.plugininfo").GetString());
        Assert.Equal("open fd=-2(ENOENT) name=/nope", root.GetProperty("event").GetString());
        Assert.Equal(3ul, root.GetProperty("threadcounter.events").GetUInt64());
    }

    [Fact]
    public void Text_is_written_without_HTML_escapes()
    {
        var snapshot = new EventSnapshot(1, 0, "<a href=\"x\">é</a>", []);

        Assert.Contains("\"evt.plugininfo\":\"<a href=\\\"x\\\">é</a>\"", EventJsonFormatter.Format(snapshot), System.StringComparison.Ordinal);
    }
}

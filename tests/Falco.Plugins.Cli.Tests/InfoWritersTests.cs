using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Tests;

public sealed class InfoWritersTests
{
    private static readonly PluginInfo Info = new()
    {
        Path = "/plugins/libsample.so",
        Name = "sample",
        Version = "1.2.3",
        Description = "A sample plugin",
        Contact = "someone@example.com",
        RequiredApiVersion = "3.10.0",
        Capabilities = PluginCapabilities.Sourcing | PluginCapabilities.Extraction,
        Id = 42,
        EventSource = "samples",
        ExtractEventSources = ["samples"],
        Fields =
        [
            new PluginField(0, "sample.value", FieldType.UInt64, false, false, false, false, "Value", "The value", true, []),
            new PluginField(1, "sample.tags", FieldType.String, true, false, false, true, "", "The tags, or one tag", false, ["info"]),
            new PluginField(2, "sample.nth", FieldType.UInt64, false, true, true, false, "", "The nth value", false, []),
        ],
        InitSchema = "{\"type\":\"object\",\"properties\":{\"level\":{\"type\":\"integer\"}}}",
        Symbols = ["get_name", "init"],
    };

    private static string Text(PluginInfo info)
    {
        using var output = new StringWriter();
        InfoTextWriter.Write(info, output);
        return output.ToString();
    }

    private static string Json(PluginInfo info)
    {
        using var output = new StringWriter();
        InfoJsonWriter.Write(info, output);
        return output.ToString();
    }

    [Fact]
    public void Text_lists_the_metadata()
    {
        string[] lines = Text(Info).Split('\n');

        Assert.Contains("name:                 sample", lines);
        Assert.Contains("version:              1.2.3", lines);
        Assert.Contains("description:          A sample plugin", lines);
        Assert.Contains("contact:              someone@example.com", lines);
        Assert.Contains("required API version: 3.10.0", lines);
        Assert.Contains("capabilities:         event sourcing, field extraction", lines);
        Assert.Contains("event source:         samples (id 42)", lines);
        Assert.Contains("extract sources:      samples", lines);
        Assert.Contains("file:                 /plugins/libsample.so", lines);
    }

    [Fact]
    public void Text_shows_fields_as_a_table()
    {
        string text = Text(Info);

        Assert.Contains(
            "fields (3):\n"
            + "  NAME          TYPE           ARG              DESCRIPTION\n"
            + "  sample.value  uint64                          The value\n"
            + "  sample.tags   string (list)  key              The tags, or one tag\n"
            + "  sample.nth    uint64         index, required  The nth value\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_indents_the_schema_and_lists_the_symbols()
    {
        string text = Text(Info);

        Assert.Contains("init schema:\n{\n  \"type\": \"object\",\n  \"properties\": {\n    \"level\": {\n", text, StringComparison.Ordinal);
        Assert.EndsWith("symbols (2):\n  plugin_get_name\n  plugin_init\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_says_what_a_plugin_lacks()
    {
        string text = Text(Info with { Capabilities = PluginCapabilities.Parsing, Id = 0, EventSource = "", Fields = [], InitSchema = null, ParseEventSources = [] });

        Assert.Contains("capabilities:         event parsing\n", text, StringComparison.Ordinal);
        Assert.Contains("parse sources:        (all)\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("event source:", text, StringComparison.Ordinal);
        Assert.Contains("fields: none (no field extraction capability)\n", text, StringComparison.Ordinal);
        Assert.Contains("init schema: none\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_shows_a_schema_that_is_not_JSON_as_it_is()
    {
        Assert.Contains("init schema:\nnot json\n", Text(Info with { InitSchema = "not json" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_one_document_with_everything()
    {
        using var document = JsonDocument.Parse(Json(Info));
        JsonElement root = document.RootElement;

        Assert.Equal("sample", root.GetProperty("name").GetString());
        Assert.Equal("1.2.3", root.GetProperty("version").GetString());
        Assert.Equal("3.10.0", root.GetProperty("requiredApiVersion").GetString());
        Assert.Equal(["sourcing", "extraction"], root.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(42u, root.GetProperty("id").GetUInt32());
        Assert.Equal("samples", root.GetProperty("eventSource").GetString());
        Assert.Equal(["samples"], root.GetProperty("extractEventSources").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("object", root.GetProperty("initSchema").GetProperty("type").GetString());
        Assert.Equal(["plugin_get_name", "plugin_init"], root.GetProperty("symbols").EnumerateArray().Select(c => c.GetString()));

        JsonElement[] fields = root.GetProperty("fields").EnumerateArray().ToArray();
        Assert.Equal(["sample.value", "sample.tags", "sample.nth"], fields.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("uint64", fields[0].GetProperty("type").GetString());
        Assert.Equal("Value", fields[0].GetProperty("display").GetString());
        Assert.True(fields[0].GetProperty("addOutput").GetBoolean());
        Assert.True(fields[1].GetProperty("isList").GetBoolean());
        Assert.True(fields[1].GetProperty("arg").GetProperty("isKey").GetBoolean());
        Assert.Equal(["info"], fields[1].GetProperty("properties").EnumerateArray().Select(p => p.GetString()));
        Assert.True(fields[2].GetProperty("arg").GetProperty("isRequired").GetBoolean());
        Assert.True(fields[2].GetProperty("arg").GetProperty("isIndex").GetBoolean());
        Assert.Equal("The nth value", fields[2].GetProperty("desc").GetString());
    }

    [Fact]
    public void Json_schema_is_null_when_absent_and_a_string_when_not_JSON()
    {
        using var none = JsonDocument.Parse(Json(Info with { InitSchema = null }));
        using var text = JsonDocument.Parse(Json(Info with { InitSchema = "not json" }));

        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("initSchema").ValueKind);
        Assert.Equal("not json", text.RootElement.GetProperty("initSchema").GetString());
    }

    [Fact]
    public void Table_pads_all_columns_but_the_last()
    {
        string table = TextTable.Render(["A", "BB", "C"], [["long", "", "x"], ["s", "y", ""]], indent: "> ");

        Assert.Equal("> A     BB  C\n> long      x\n> s     y\n", table);
    }
}

using System;
using System.Text;
using System.Text.Json;
using Falco.Plugins.Examples.HttpAudit.Json;

namespace Falco.Plugins.Examples.HttpAudit.Tests;

public sealed class JsonPointerTests
{
    private const string Document = """
        {
          "user": {"name": "alice", "groups": ["dev", "ops"], "uid": 1000},
          "a/b": 1, "m~n": 2, "": "empty name", "esc\u0061ped": "yes",
          "text": "line\nbreak \"quoted\" \ud83d\ude00",
          "n": -1.5e3, "t": true, "f": false, "z": null,
          "nested": {"list": [1, {"k": "v w"}, []], "q": "a\" b"},
          "dup": 1, "dup": 2
        }
        """;

    [Theory]
    [InlineData("/user/name", "alice")]
    [InlineData("/user/groups/0", "dev")]
    [InlineData("/user/groups/1", "ops")]
    [InlineData("/user/uid", "1000")]
    [InlineData("/a~1b", "1")]
    [InlineData("/m~0n", "2")]
    [InlineData("/", "empty name")]
    [InlineData("/escaped", "yes")]
    [InlineData("/text", "line\nbreak \"quoted\" 😀")]
    [InlineData("/n", "-1.5e3")]
    [InlineData("/t", "true")]
    [InlineData("/f", "false")]
    [InlineData("/z", "null")]
    [InlineData("/user/groups", """["dev","ops"]""")]
    [InlineData("/nested", """{"list":[1,{"k":"v w"},[]],"q":"a\" b"}""")]
    [InlineData("/nested/list/1/k", "v w")]
    [InlineData("/nested/list/2", "[]")]
    [InlineData("/dup", "1")]
    public void Resolves_to_the_text_of_the_value(string pointer, string expected)
    {
        Assert.Equal(expected, Resolve(Document, pointer));
    }

    [Theory]
    [InlineData("/missing")]
    [InlineData("/user/name/first")]
    [InlineData("/user/groups/2")]
    [InlineData("/user/groups/01")]
    [InlineData("/user/groups/-")]
    [InlineData("/user/groups/x")]
    [InlineData("/user/groups/99999999999")]
    [InlineData("/user/0")]
    [InlineData("/User/name")]
    [InlineData("/a/b")]
    public void Resolves_to_nothing_when_the_document_has_no_such_value(string pointer)
    {
        Assert.Null(Resolve(Document, pointer));
    }

    [Fact]
    public void The_empty_pointer_is_the_whole_document_compacted()
    {
        Assert.Equal("""{"a":[1,2],"s":"x y"}""", Resolve("""{ "a" : [ 1 , 2 ] , "s" : "x y" }""", ""));
    }

    [Theory]
    [InlineData("user", "'user' is not a JSON pointer: it must start with '/'")]
    [InlineData("/a~2", "'/a~2' is not a JSON pointer: '~' must be followed by 0 or 1")]
    [InlineData("/a~", "'/a~' is not a JSON pointer: '~' must be followed by 0 or 1")]
    public void Refuses_malformed_pointers(string pointer, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Resolve(Document, pointer)).Message);
    }

    [Fact]
    public void An_index_rebuilt_for_a_smaller_document_forgets_the_larger_one()
    {
        var index = new JsonIndex();
        var scratch = new ScratchBuffer(4);

        Assert.Equal("ops", Resolve(index, scratch, Document, "/user/groups/1"));
        Assert.Equal("2", Resolve(index, scratch, """{"user": 2}""", "/user"));
        Assert.Null(Resolve(index, scratch, """{"user": 2}""", "/user/groups/1"));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Indexes_documents_up_to_the_maximum_depth()
    {
        string deepest = new string('[', JsonIndex.MaxDepth) + new string(']', JsonIndex.MaxDepth);
        string deeper = new string('[', JsonIndex.MaxDepth + 1) + new string(']', JsonIndex.MaxDepth + 1);
        var index = new JsonIndex();

        index.Build(Encoding.UTF8.GetBytes(deepest));
        Assert.Equal(JsonIndex.MaxDepth, index.Count);
        Assert.Equal($"nesting deeper than {JsonIndex.MaxDepth} at byte {JsonIndex.MaxDepth}", Assert.Throws<JsonException>(() => index.Build(Encoding.UTF8.GetBytes(deeper))).Message);
    }

    [Theory]
    [InlineData("", "the document ends early at byte 0")]
    [InlineData("  ", "the document ends early at byte 2")]
    [InlineData("{", "the document ends early at byte 1")]
    [InlineData("[", "the document ends early at byte 1")]
    [InlineData("[1,", "the document ends early at byte 3")]
    [InlineData("{\"a\":", "the document ends early at byte 5")]
    [InlineData("{\"a\": 1} 2", "more than one value at byte 9")]
    [InlineData("1 2", "more than one value at byte 2")]
    [InlineData("{'a': 1}", "expected a member name at byte 1")]
    [InlineData("{,}", "expected a member name at byte 1")]
    [InlineData("{\"a\":1,}", "expected a member name at byte 7")]
    [InlineData("{\"a\" 1}", "expected ':' at byte 5")]
    [InlineData("{\"a\":}", "expected a value at byte 5")]
    [InlineData("[1,]", "expected a value at byte 3")]
    [InlineData("[1 2]", "expected ',' or the end of the container at byte 3")]
    [InlineData("{\"a\":1]", "expected ',' or the end of the container at byte 6")]
    [InlineData("[1}", "expected ',' or the end of the container at byte 2")]
    [InlineData("]", "expected a value at byte 0")]
    [InlineData("tru", "expected a value at byte 0")]
    [InlineData("nulL", "expected a value at byte 0")]
    [InlineData("truex", "more than one value at byte 4")]
    [InlineData("\"abc", "unterminated string at byte 0")]
    [InlineData("[\"a\\", "unterminated string at byte 1")]
    [InlineData("[\"a\\\"]", "unterminated string at byte 1")]
    public void Refuses_text_that_is_not_one_json_value(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<JsonException>(() => new JsonIndex().Build(Encoding.UTF8.GetBytes(json))).Message);
    }

    [Theory]
    [InlineData("[1, -2.5e+3, \"\\\"\", true, false, null, {}, []]", 9)]
    [InlineData(" \t\r\n{ \"a\" : [ ] } \n", 2)]
    public void Indexes_every_value_of_well_formed_documents(string json, int count)
    {
        var index = new JsonIndex();

        index.Build(Encoding.UTF8.GetBytes(json));

        Assert.Equal(count, index.Count);
    }

    private static string? Resolve(string json, string pointer) => Resolve(new JsonIndex(), new ScratchBuffer(4), json, pointer);

    private static string? Resolve(JsonIndex index, ScratchBuffer scratch, string json, string pointer)
    {
        byte[] document = Encoding.UTF8.GetBytes(json);
        index.Build(document);
        int node = JsonPointer.Resolve(index, document, Encoding.UTF8.GetBytes(pointer), scratch);
        return node < 0 ? null : Encoding.UTF8.GetString(JsonValueText.Render(index[node], document, scratch));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Examples.HttpAudit.Events;

namespace Falco.Plugins.Examples.HttpAudit.Tests;

public sealed class AuditBodyTests
{
    [Theory]
    [InlineData("{\"a\": 1}", new[] { "{\"a\": 1}" })]
    [InlineData("\r\n {\"a\": {\"b\": [1, 2]}} \n", new[] { "{\"a\": {\"b\": [1, 2]}}" })]
    [InlineData("[{\"a\": 1}, {\"b\": \"]\"}]", new[] { "{\"a\": 1}", "{\"b\": \"]\"}" })]
    [InlineData(" [ {\"a\": 1} ] \n", new[] { "{\"a\": 1}" })]
    [InlineData("{\"a\": 1}\n{\"b\": 2}", new[] { "{\"a\": 1}", "{\"b\": 2}" })]
    [InlineData("{\"a\": 1}\r\n\r\n  {\"b\": \"}\\n{\"}\n", new[] { "{\"a\": 1}", "{\"b\": \"}\\n{\"}" })]
    public void Finds_each_object_of_a_body(string body, string[] objects)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var found = new List<Range>();

        Assert.Null(AuditBody.Split(bytes, found));
        Assert.Equal(objects, found.Select(r => Encoding.UTF8.GetString(bytes.AsSpan()[r])));
    }

    [Theory]
    [InlineData("", "the body holds no JSON")]
    [InlineData("\ufeff{\"a\": 1}", "value 1 of the body is not a JSON object")]
    [InlineData("\"text\"", "value 1 of the body is not a JSON object")]
    [InlineData("{\"a\": 1}\n[1]", "value 2 of the body is not a JSON object")]
    [InlineData("{\"a\": 1,}", "value 1 of the body is not valid JSON")]
    [InlineData("{\"a\": 1 /* note */}", "value 1 of the body is not valid JSON")]
    [InlineData("{\"a\": 1}{\"b\": 2}", "value 1 of the body is followed by more JSON on the same line: put one object per line")]
    [InlineData("[{\"a\": 1}", "the array is not valid JSON")]
    [InlineData("[{\"a\": 1}] x", "an array must be the only value of the body")]
    [InlineData("[[{\"a\": 1}]]", "element 1 of the array is not a JSON object")]
    public void Refuses_a_body_with_the_reason(string body, string reason)
    {
        string? refused = AuditBody.Split(Encoding.UTF8.GetBytes(body), []);

        Assert.NotNull(refused);
        Assert.StartsWith(reason, refused, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_invalid_utf8_and_nesting_deeper_than_the_index_reads()
    {
        string deep = "{\"a\":" + new string('[', 64) + new string(']', 64) + "}";

        Assert.Equal("the body is not valid UTF-8", AuditBody.Split([(byte)'{', (byte)'"', 0xc3, (byte)'"', (byte)':', (byte)'1', (byte)'}'], []));
        Assert.StartsWith("value 1 of the body is not valid JSON", AuditBody.Split(Encoding.UTF8.GetBytes(deep), []), StringComparison.Ordinal);
    }
}

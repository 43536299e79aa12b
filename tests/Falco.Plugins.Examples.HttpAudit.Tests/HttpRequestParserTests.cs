using System;
using System.Linq;
using System.Text;
using Falco.Plugins.Examples.HttpAudit.Http;

namespace Falco.Plugins.Examples.HttpAudit.Tests;

public sealed class HttpRequestParserTests
{
    [Fact]
    public void Reads_the_method_path_length_and_authorization_of_a_post()
    {
        byte[] head = Head("POST /events?source=ci HTTP/1.1\r\nHost: audit\r\nContent-Length: 42\r\nAuthorization:  Bearer abc \r\nX-Other: 1\r\n\r\n");

        HttpRejection? rejection = HttpRequestParser.Parse(head, out HttpRequestHead request);

        Assert.Null(rejection);
        Assert.Equal("POST", Text(head, request.Method));
        Assert.Equal("/events", Text(head, request.Path));
        Assert.Equal("Bearer abc", Text(head, request.Authorization!.Value));
        Assert.Equal(42, request.ContentLength);
        Assert.True(request is { IsHttp11: true, KeepAlive: true, IsChunked: false, ExpectsContinue: false, HasBody: true });
    }

    [Fact]
    public void Takes_the_path_of_an_absolute_url_target()
    {
        byte[] head = Head("POST http://audit:9765/events#frag HTTP/1.1\r\nHost: audit\r\n\r\n");

        Assert.Null(HttpRequestParser.Parse(head, out HttpRequestHead request));
        Assert.Equal("/events", Text(head, request.Path));
        Assert.Equal(-1, request.ContentLength);
        Assert.False(request.HasBody);
    }

    [Theory]
    [InlineData("HTTP/1.1", "", true)]
    [InlineData("HTTP/1.1", "Connection: keep-alive, Close\r\n", false)]
    [InlineData("HTTP/1.0", "", false)]
    [InlineData("HTTP/1.0", "Connection: Keep-Alive\r\n", true)]
    public void Keeps_connections_alive_as_the_version_and_connection_header_say(string version, string header, bool keepAlive)
    {
        Assert.Null(HttpRequestParser.Parse(Head($"POST /events {version}\r\nHost: a\r\n{header}\r\n"), out HttpRequestHead request));
        Assert.Equal(keepAlive, request.KeepAlive);
    }

    [Fact]
    public void Reads_chunked_bodies_expectations_and_repeated_equal_lengths()
    {
        Assert.Null(HttpRequestParser.Parse(Head("POST /e HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\nExpect: 100-Continue\r\n\r\n"), out HttpRequestHead chunked));
        Assert.Null(HttpRequestParser.Parse(Head("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\ncontent-length: 7\r\n\r\n"), out HttpRequestHead twice));

        Assert.True(chunked is { IsChunked: true, ExpectsContinue: true, HasBody: true });
        Assert.Equal(7, twice.ContentLength);
    }

    [Theory]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400, "header lines may not be folded")]
    [InlineData("POST /e HTTP/1.1\r\nHost : a\r\n\r\n", 400, "a header line is not 'name: value'")]
    [InlineData("POST /e HTTP/1.1\r\nnocolon\r\n\r\n", 400, "a header line is not 'name: value'")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\x01b\r\n\r\n", 400, "a header value holds control characters")]
    [InlineData("POST /e HTTP/1.1\r\n\r\n", 400, "an HTTP/1.1 request must have exactly one Host header")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "an HTTP/1.1 request must have exactly one Host header")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "a request may not have both Content-Length and Transfer-Encoding")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501, "the only transfer coding accepted is chunked")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 501, "the only transfer coding accepted is chunked")]
    [InlineData("POST /e HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "HTTP/1.0 requests cannot be chunked")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400, "Content-Length is not a decimal number")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\n", 400, "Content-Length is not a decimal number")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 9999999999999999999\r\n\r\n", 400, "Content-Length is not a decimal number")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400, "the request has different Content-Length headers")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n", 417, "the only expectation accepted is 100-continue")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\nAuthorization: a\r\nAuthorization: b\r\n\r\n", 400, "a request may have one Authorization header")]
    [InlineData("POST /e HTTP/2.0\r\nHost: a\r\n\r\n", 505, "only HTTP/1.1 and HTTP/1.0 are supported")]
    [InlineData("POST /e HTTP/1.1 \r\nHost: a\r\n\r\n", 400, "the request line does not end with the HTTP version")]
    [InlineData("POST /e\r\nHost: a\r\n\r\n", 400, "the request line has no target")]
    [InlineData("POST  /e HTTP/1.1\r\nHost: a\r\n\r\n", 400, "the request line has no target")]
    [InlineData("PO(ST /e HTTP/1.1\r\nHost: a\r\n\r\n", 400, "the request line does not start with a method")]
    [InlineData("POST e HTTP/1.1\r\nHost: a\r\n\r\n", 400, "the request target is not a path or an absolute URL")]
    [InlineData("POST ftp://a/e HTTP/1.1\r\nHost: a\r\n\r\n", 400, "the request target is not a path or an absolute URL")]
    [InlineData("POST /é HTTP/1.1\r\nHost: a\r\n\r\n", 400, "the request target holds characters that must be percent-encoded")]
    [InlineData("POST /e HTTP/1.1\r\nHost: a\r\n", 400, "the header section does not end with an empty line")]
    public void Refuses_what_it_cannot_be_sure_of(string head, int status, string reason)
    {
        Assert.Equal(new HttpRejection(status, reason), HttpRequestParser.Parse(Head(head), out _));
    }

    [Fact]
    public void Refuses_more_header_lines_than_the_limit_with_431()
    {
        string headers = string.Concat(Enumerable.Range(0, HttpRequestParser.MaxHeaderCount).Select(i => $"X-{i}: {i}\r\n"));

        Assert.Null(HttpRequestParser.Parse(Head($"POST /e HTTP/1.0\r\n{headers}\r\n"), out _));
        Assert.Equal(431, HttpRequestParser.Parse(Head($"POST /e HTTP/1.0\r\n{headers}X: y\r\n\r\n"), out _)?.Status);
    }

    private static byte[] Head(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] head, Range range) => Encoding.ASCII.GetString(head.AsSpan()[range]);
}

using System;
using System.Text;
using Falco.Plugins.Examples.HttpAudit.Http;

namespace Falco.Plugins.Examples.HttpAudit.Tests;

public sealed class ChunkedDecoderTests
{
    private const string Body = "7;name=value\r\n{\"a\": 1\r\nA\r\n, \"b\": 2}\n\r\n0\r\nTrailer: x\r\nOther: y\r\n\r\n";

    [Fact]
    public void Decodes_chunks_ignoring_extensions_and_trailers_and_leaves_what_follows()
    {
        byte[] input = Encoding.ASCII.GetBytes(Body + "POST /next");
        using var body = new BodyBuffer(1024);
        var decoder = new ChunkedDecoder();

        ChunkedStatus status = decoder.Decode(input, body, out int consumed);

        Assert.Equal(ChunkedStatus.Done, status);
        Assert.Equal(Body.Length, consumed);
        Assert.Equal("{\"a\": 1, \"b\": 2}\n", Encoding.ASCII.GetString(body.Written));
    }

    [Fact]
    public void Decodes_the_same_body_from_input_split_anywhere()
    {
        byte[] input = Encoding.ASCII.GetBytes(Body);
        for (int split = 0; split <= input.Length; split++)
        {
            using var body = new BodyBuffer(1024);
            var decoder = new ChunkedDecoder();

            ChunkedStatus first = decoder.Decode(input.AsSpan(0, split), body, out int used);
            ChunkedStatus second = decoder.Decode(input.AsSpan(split), body, out int rest);

            Assert.Equal(split == input.Length ? ChunkedStatus.Done : ChunkedStatus.NeedMore, first);
            Assert.Equal(split, used);
            Assert.Equal(ChunkedStatus.Done, second);
            Assert.Equal(input.Length - split, rest);
            Assert.Equal("{\"a\": 1, \"b\": 2}\n", Encoding.ASCII.GetString(body.Written));
        }
    }

    [Theory]
    [InlineData("3\r\nabc0\r\n\r\n")]
    [InlineData("3\r\nabc\n0\r\n\r\n")]
    [InlineData("3\nabc\r\n0\r\n\r\n")]
    [InlineData("\r\nabc\r\n0\r\n\r\n")]
    [InlineData("x\r\n")]
    [InlineData(";ext\r\n")]
    [InlineData("0\r\n\n")]
    [InlineData("0\r\nTrailer: x\n\r\n")]
    public void Refuses_broken_framing(string input)
    {
        using var body = new BodyBuffer(1024);
        var decoder = new ChunkedDecoder();

        Assert.Equal(ChunkedStatus.Malformed, decoder.Decode(Encoding.ASCII.GetBytes(input), body, out _));
    }

    [Fact]
    public void Refuses_a_chunk_line_longer_than_the_limit()
    {
        using var body = new BodyBuffer(1024);
        var decoder = new ChunkedDecoder();
        string line = "1;" + new string('x', ChunkedDecoder.MaxLineLength) + "\r\n";

        Assert.Equal(ChunkedStatus.Malformed, decoder.Decode(Encoding.ASCII.GetBytes(line), body, out _));
    }

    [Theory]
    [InlineData("11\r\n")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFF\r\n")]
    [InlineData("8\r\n12345678\r\n9\r\n")]
    public void Stops_at_the_size_that_would_exceed_the_limit_before_reading_the_data(string input)
    {
        using var body = new BodyBuffer(16);
        var decoder = new ChunkedDecoder();

        Assert.Equal(ChunkedStatus.TooLarge, decoder.Decode(Encoding.ASCII.GetBytes(input), body, out _));
    }

    [Fact]
    public void Accepts_a_body_of_exactly_the_limit()
    {
        using var body = new BodyBuffer(16);
        var decoder = new ChunkedDecoder();

        Assert.Equal(ChunkedStatus.Done, decoder.Decode("8\r\n12345678\r\n8\r\nabcdefgh\r\n0\r\n\r\n"u8, body, out _));
        Assert.Equal("12345678abcdefgh", Encoding.ASCII.GetString(body.Written));
    }
}

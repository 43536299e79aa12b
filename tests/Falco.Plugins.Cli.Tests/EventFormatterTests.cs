using System;
using System.Net;
using System.Text;
using Falco.Plugins.Cli.Output;
using Falco.Plugins.Cli.Running;

namespace Falco.Plugins.Cli.Tests;

public sealed class EventFormatterTests
{
    private const ulong Timestamp = 1_795_305_039_123_456_789;

    private static EventSnapshot Snapshot(params FieldValue[] fields) => new(1, Timestamp, "{\"sample\": \"2\"}", fields);

    [Fact]
    public void Line_is_number_time_info_and_fields()
    {
        EventSnapshot snapshot = Snapshot(
            new FieldValue("dummy.value", false, [2UL]),
            new FieldValue("dummy.strvalue", false, ["2"]),
            new FieldValue("dummy.divisible[3]", false, [0UL]));

        Assert.Equal(
            "1 2026-11-21T23:50:39.123456789Z {\"sample\": \"2\"} dummy.value=2 dummy.strvalue=2 dummy.divisible[3]=0",
            EventFormatter.Format(snapshot));
    }

    [Fact]
    public void Line_without_fields_ends_with_the_info()
    {
        Assert.Equal("1 2026-11-21T23:50:39.123456789Z {\"sample\": \"2\"}", EventFormatter.Format(Snapshot()));
    }

    [Fact]
    public void Replayed_event_shows_its_rendering_in_place_of_the_info()
    {
        EventSnapshot snapshot = new(7, Timestamp, "<NA>", [new FieldValue("threadcounter.events", false, [3UL])], "close res=0 fd=3");

        Assert.Equal("7 2026-11-21T23:50:39.123456789Z close res=0 fd=3 threadcounter.events=3", EventFormatter.Format(snapshot));
    }

    [Fact]
    public void Values_print_as_Falco_prints_them()
    {
        Assert.Equal("<NA>", ValueFormatter.Format(new FieldValue("f", false, [])));
        Assert.Equal("<NA>", ValueFormatter.Format(new FieldValue("f", true, [])));
        Assert.Equal("true", ValueFormatter.Format(new FieldValue("f", false, [true])));
        Assert.Equal("false", ValueFormatter.Format(new FieldValue("f", false, [false])));
        Assert.Equal("18446744073709551615", ValueFormatter.Format(new FieldValue("f", false, [ulong.MaxValue])));
        Assert.Equal("10.0.0.1", ValueFormatter.Format(new FieldValue("f", false, [IPAddress.Parse("10.0.0.1")])));
        Assert.Equal("::1", ValueFormatter.Format(new FieldValue("f", false, [IPAddress.IPv6Loopback])));
        Assert.Equal("(1,2,3)", ValueFormatter.Format(new FieldValue("f", true, [1UL, 2UL, 3UL])));
        Assert.Equal("(n)", ValueFormatter.Format(new FieldValue("f", true, ["n"])));
    }

    [Theory]
    [InlineData(0UL, "1970-01-01T00:00:00.000000000Z")]
    [InlineData(1UL, "1970-01-01T00:00:00.000000001Z")]
    [InlineData(Timestamp, "2026-11-21T23:50:39.123456789Z")]
    [InlineData(ulong.MaxValue, "2554-07-21T23:34:33.709551615Z")]
    public void Timestamps_are_ISO_8601_UTC_with_nanoseconds(ulong nanoseconds, string expected)
    {
        Assert.Equal(expected, Timestamps.Iso8601(nanoseconds));
    }

    [Fact]
    public void Payload_fallback_shows_printable_payloads()
    {
        Assert.Equal("datalen=5 data=hello", PayloadFallback.Describe("hello"u8));
        Assert.Equal("datalen=0 data=", PayloadFallback.Describe([]));
        Assert.Equal("datalen=3 data=a b", PayloadFallback.Describe("a b"u8));
    }

    [Fact]
    public void Payload_fallback_shows_50_bytes_then_an_ellipsis()
    {
        byte[] payload = Encoding.ASCII.GetBytes(new string('x', 50) + "yz");

        Assert.Equal("datalen=52 data=" + new string('x', 50) + "...", PayloadFallback.Describe(payload));
        Assert.Equal("datalen=50 data=" + new string('x', 50), PayloadFallback.Describe(payload.AsSpan(0, 50)));
    }

    [Fact]
    public void Payload_fallback_hides_binary_payloads()
    {
        Assert.Equal("datalen=3 data=<binary>", PayloadFallback.Describe([0x61, 0x00, 0x62]));
        Assert.Equal("datalen=2 data=<binary>", PayloadFallback.Describe("\na"u8));
        Assert.Equal("datalen=2 data=<binary>", PayloadFallback.Describe("é"u8));
        Assert.Equal("datalen=1 data=<binary>", PayloadFallback.Describe([0x7f]));
    }

    [Fact]
    public void Payload_fallback_looks_at_the_first_50_bytes_only()
    {
        byte[] payload = Encoding.ASCII.GetBytes(new string('x', 50) + "\0");

        Assert.Equal("datalen=51 data=" + new string('x', 50) + "...", PayloadFallback.Describe(payload));
    }
}

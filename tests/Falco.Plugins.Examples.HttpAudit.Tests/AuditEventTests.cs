using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using Falco.Plugins.Examples.HttpAudit.Events;

namespace Falco.Plugins.Examples.HttpAudit.Tests;

public sealed class AuditEventTests
{
    private const ulong ReceivedAt = 1_700_000_000_123_456_789;

    [Fact]
    public void Each_object_becomes_a_compacted_payload_behind_an_envelope()
    {
        List<PluginEvent> events = Encode("[\n  {\"user\": {\"name\": \"a b\"}},\n  {\"action\" : \"x\\\" y\"}\n]", IPAddress.Parse("127.0.0.1"), 40000);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(ReceivedAt, e.Timestamp));
        Assert.True(AuditEnvelope.TryRead(events[0].Payload.Span, out AuditEnvelope first));
        Assert.Equal([127, 0, 0, 1], first.RemoteAddress.ToArray());
        Assert.Equal((40000, ReceivedAt, 16), (first.RemotePort, first.ReceivedAt, first.JsonOffset));
        Assert.Equal("{\"user\":{\"name\":\"a b\"}}", Encoding.UTF8.GetString(first.Json));
        Assert.True(AuditEnvelope.TryRead(events[1].Payload.Span, out AuditEnvelope second));
        Assert.Equal("{\"action\":\"x\\\" y\"}", Encoding.UTF8.GetString(second.Json));
    }

    [Fact]
    public void Ipv6_clients_keep_16_bytes_and_ipv4_mapped_ones_become_ipv4()
    {
        IPAddress mapped = AuditEnvelope.Normalize(IPAddress.Parse("::ffff:10.1.2.3"));
        List<PluginEvent> v6 = Encode("{}", IPAddress.IPv6Loopback, 1);
        List<PluginEvent> v4 = Encode("{}", mapped, 1);

        Assert.True(AuditEnvelope.TryRead(v6[0].Payload.Span, out AuditEnvelope six));
        Assert.True(AuditEnvelope.TryRead(v4[0].Payload.Span, out AuditEnvelope four));
        Assert.Equal(IPAddress.IPv6Loopback, new IPAddress(six.RemoteAddress));
        Assert.Equal(IPAddress.Parse("10.1.2.3"), new IPAddress(four.RemoteAddress));
    }

    [Fact]
    public void Parsed_events_read_fields_from_the_envelope_and_the_json()
    {
        List<PluginEvent> events = Encode("{\"user\": {\"name\": \"alice\"}}\n{\"user\": \"bob\"}", IPAddress.Parse("192.0.2.7"), 5);
        var parsed = new ParsedAuditEvent();
        ReadOnlySpan<byte> payload = events[0].Payload.Span;

        parsed.Load(payload);
        Assert.True(parsed.TryGetValue(payload, "/user/name"u8, out ReadOnlySpan<byte> name));
        Assert.Equal("alice", Encoding.UTF8.GetString(name));
        Assert.Equal("192.0.2.7", new IPAddress(payload[parsed.RemoteAddress]).ToString());
        Assert.Equal((ReceivedAt, (ushort)5), (parsed.ReceivedAt, parsed.RemotePort));

        payload = events[1].Payload.Span;
        parsed.Load(payload);
        Assert.False(parsed.TryGetValue(payload, "/user/name"u8, out _));
        Assert.True(parsed.TryGetValue(payload, "/user"u8, out ReadOnlySpan<byte> user));
        Assert.Equal("bob", Encoding.UTF8.GetString(user));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1, (byte)'{', (byte)'}' })]
    [InlineData(new byte[] { 1, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1, 0, (byte)'{', (byte)'}' })]
    [InlineData(new byte[] { 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1 })]
    [InlineData(new byte[] { 1, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1, (byte)'{', (byte)'}' })]
    public void Payloads_of_another_layout_are_refused(byte[] payload)
    {
        Assert.False(AuditEnvelope.TryRead(payload, out _));
        Assert.StartsWith("the payload is not an httpaudit event", Assert.Throws<PluginException>(() => new ParsedAuditEvent().Load(payload)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"", "the JSON of the event is malformed: unterminated string at byte 1")]
    [InlineData("{\"a\": \"\\x\"}", "the JSON of the event is malformed: ")]
    [InlineData("{\"\\x\": 1}", "the JSON of the event is malformed: ")]
    public void Malformed_json_in_a_payload_fails_the_field_not_the_envelope(string json, string message)
    {
        byte[] payload = [1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1, .. Encoding.UTF8.GetBytes(json)];
        var parsed = new ParsedAuditEvent().Load(payload);

        Assert.StartsWith(message, Assert.Throws<PluginException>(() => parsed.TryGetValue(payload, "/a"u8, out _)).Message, StringComparison.Ordinal);
        Assert.Equal(0ul, parsed.ReceivedAt);
    }

    [Fact]
    public void Extraction_allocates_nothing_once_its_buffers_have_grown()
    {
        List<PluginEvent> events = Encode(
            "{\"user\": {\"name\": \"al\\u0069ce\", \"groups\": [\"dev\", \"ops\"]}, \"action\": \"delete\", \"target\": {\"kind\": \"secret\"}}\n{\"user\": {\"name\": \"bob\"}, \"a/b\": 1}",
            IPAddress.Loopback,
            1);
        var parsed = new ParsedAuditEvent();
        int found = ExtractAll(events, parsed, 10);

        long before = GC.GetAllocatedBytesForCurrentThread();
        found += ExtractAll(events, parsed, 10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_010 * 6, found);
    }

    private static int ExtractAll(List<PluginEvent> events, ParsedAuditEvent parsed, int rounds)
    {
        int found = 0;
        for (int i = 0; i < rounds; i++)
        {
            foreach (PluginEvent evt in events)
            {
                ReadOnlySpan<byte> payload = evt.Payload.Span;
                parsed.Load(payload);
                found += parsed.TryGetValue(payload, "/user/name"u8, out _) ? 1 : 0;
                found += parsed.TryGetValue(payload, "/user/groups/1"u8, out _) ? 1 : 0;
                found += parsed.TryGetValue(payload, "/target"u8, out _) ? 1 : 0;
                found += parsed.TryGetValue(payload, "/a~1b"u8, out _) ? 1 : 0;
                found += parsed.TryGetValue(payload, "/action"u8, out _) ? 1 : 0;
            }
        }

        return found;
    }

    private static List<PluginEvent> Encode(string body, IPAddress address, ushort port)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var objects = new List<Range>();
        Assert.Null(AuditBody.Split(bytes, objects));
        var events = new List<PluginEvent>();
        AuditEventEncoder.Encode(bytes, objects, address, port, ReceivedAt, events);
        return events;
    }
}

using System;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Extract;

/// <summary>Value offsets (API 3.11): where in the event each extracted value came from.</summary>
public unsafe class ExtractCallOffsetTests : IDisposable
{
    // Payload offsets:          0123456789012345678
    private const string Text = "user=alice ip=10.0.0.1";
    private readonly ExtractHarness _harness = new(System.Text.Encoding.UTF8.GetBytes(Text));

    [Fact]
    public void String_sliced_from_the_payload_reports_its_position_from_the_event_start()
    {
        ExtractCall call = _harness.Begin(offsets: true);

        call.SetString(1, call.Context.Payload.Slice(5, 5));

        Assert.Equal(["alice"], ExtractResults.Strings(&_harness.Fields[1]));
        Assert.Equal((38u + 5u, 5u), ExtractResults.Offset(_harness.Offsets, 1));
    }

    [Fact]
    public void Address_sliced_from_the_payload_reports_its_position()
    {
        ExtractCall call = _harness.Begin(offsets: true);

        call.SetIPAddress(4, call.Context.Payload.Slice(0, 4));

        Assert.Equal((38u, 4u), ExtractResults.Offset(_harness.Offsets, 4));
    }

    [Fact]
    public void SetValueOffset_reports_explicitly()
    {
        ExtractCall call = _harness.Begin(offsets: true);

        call.Context.SetValueOffset(14, 8);
        call.SetUInt64(0, 0x0A000001);

        Assert.Equal((38u + 14u, 8u), ExtractResults.Offset(_harness.Offsets, 0));
    }

    [Fact]
    public void SetValueOffset_wins_over_the_slice_position()
    {
        ExtractCall call = _harness.Begin(offsets: true);

        call.Context.SetValueOffset(0, 4);
        call.SetString(1, call.Context.Payload.Slice(5, 5));

        Assert.Equal((38u, 4u), ExtractResults.Offset(_harness.Offsets, 1));
    }

    [Fact]
    public void Fields_without_offsets_get_zero_even_after_an_earlier_call_set_them()
    {
        ExtractCall first = _harness.Begin(offsets: true);
        first.SetString(0, first.Context.Payload.Slice(0, 4));
        first.SetString(2, first.Context.Payload.Slice(5, 5));
        Assert.Equal((43u, 5u), ExtractResults.Offset(_harness.Offsets, 2));

        ExtractCall second = _harness.Begin(offsets: true);
        second.SetString(0, "computed");
        second.SetString(1, second.Context.Payload.Slice(11, 2));
        second.SetUInt64(2, 3);

        Assert.Equal((0u, 0u), ExtractResults.Offset(_harness.Offsets, 0));
        Assert.Equal((49u, 2u), ExtractResults.Offset(_harness.Offsets, 1));
        Assert.Equal((0u, 0u), ExtractResults.Offset(_harness.Offsets, 2));
        Assert.Equal((0u, 0u), ExtractResults.Offset(_harness.Offsets, 3));
    }

    [Fact]
    public void Span_outside_the_payload_reports_nothing()
    {
        ExtractCall call = _harness.Begin(offsets: true);
        byte[] copy = call.Context.Payload.Slice(5, 5).ToArray();

        call.SetString(1, copy);
        call.SetString(2, call.Context.Event.Raw.Slice(0, 8));

        Assert.Null(ExtractResults.Offset(_harness.Offsets, 1));
    }

    [Fact]
    public void SetAbsent_drops_a_pending_offset()
    {
        ExtractCall call = _harness.Begin(offsets: true);

        call.Context.SetValueOffset(3, 3);
        call.SetAbsent(0);
        call.SetUInt64(1, 1);

        Assert.Null(ExtractResults.Offset(_harness.Offsets, 1));
    }

    [Fact]
    public void Nothing_is_reported_when_the_framework_does_not_ask()
    {
        ExtractCall call = _harness.Begin(offsets: false);

        call.Context.SetValueOffset(1, 2);
        call.SetUInt64(0, 1);
        call.SetString(1, call.Context.Payload.Slice(5, 5));

        Assert.Null(ExtractResults.Offset(_harness.Offsets, 0));
        Assert.Equal(["alice"], ExtractResults.Strings(&_harness.Fields[1]));
    }

    [Fact]
    public void SetValueOffset_rejects_negative_numbers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Begin(offsets: true).Context.SetValueOffset(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Begin(offsets: true).Context.SetValueOffset(1, -2));
    }

    public void Dispose() => _harness.Dispose();
}

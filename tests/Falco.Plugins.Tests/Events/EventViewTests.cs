using System;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Events;

/// <summary>EventView.TryCreate: what it accepts, what it rejects, and that views stay within len.</summary>
public unsafe class EventViewTests
{
    [Fact]
    public void Well_formed_plugin_event_is_read()
    {
        byte[] bytes = TestEvents.Plugin(999, "hello"u8, ts: 123, tid: 77);
        fixed (byte* p = bytes)
        {
            Assert.True(EventView.TryCreate((EventHeader*)p, out EventView view, out string? error));

            Assert.Null(error);
            Assert.True(view.IsPluginEvent);
            Assert.Equal((ushort)322, view.Type);
            Assert.Equal(123ul, view.Timestamp);
            Assert.Equal(77ul, view.ThreadId);
            Assert.Equal(2u, view.ParamCount);
            Assert.Equal(999u, view.PluginId);
            Assert.Equal("hello"u8.ToArray(), view.Payload.ToArray());
            Assert.Equal(43, view.Raw.Length);
        }
    }

    [Fact]
    public void Plugin_event_with_an_empty_payload_is_read()
    {
        byte[] bytes = TestEvents.Plugin(1, default);
        fixed (byte* p = bytes)
        {
            Assert.True(EventView.TryCreate((EventHeader*)p, out EventView view, out _));

            Assert.True(view.Payload.IsEmpty);
            Assert.Equal(1u, view.PluginId);
        }
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.False(EventView.TryCreate(null, out _, out string? error));

        Assert.Equal("the event pointer is NULL", error);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(25u)]
    public void Length_shorter_than_the_header_is_rejected(uint len)
    {
        byte[] bytes = TestEvents.Raw(322, 2, len, new byte[12]);
        fixed (byte* p = bytes)
        {
            Assert.False(EventView.TryCreate((EventHeader*)p, out _, out string? error));

            Assert.Equal($"the event length {len} is shorter than the 26-byte header", error);
        }
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(3u)]
    public void Plugin_event_without_two_parameters_is_rejected(uint nparams)
    {
        byte[] bytes = TestEvents.Plugin(1, "abc"u8).WithUInt32(22, nparams);
        fixed (byte* p = bytes)
        {
            Assert.False(EventView.TryCreate((EventHeader*)p, out _, out string? error));

            Assert.Equal($"a plugin event must have 2 parameters, this one has {nparams}", error);
        }
    }

    [Fact]
    public void Plugin_event_shorter_than_the_payload_offset_is_rejected()
    {
        byte[] bytes = TestEvents.Plugin(1, default).WithUInt32(16, 37);
        fixed (byte* p = bytes)
        {
            Assert.False(EventView.TryCreate((EventHeader*)p, out _, out string? error));

            Assert.Equal("the plugin event length 37 is shorter than the 38-byte minimum", error);
        }
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(8u)]
    public void Plugin_id_parameter_of_other_than_4_bytes_is_rejected(uint idLength)
    {
        byte[] bytes = TestEvents.Plugin(1, "abc"u8).WithUInt32(26, idLength);
        fixed (byte* p = bytes)
        {
            Assert.False(EventView.TryCreate((EventHeader*)p, out _, out string? error));

            Assert.Equal($"the plugin id parameter of a plugin event must be 4 bytes, this one declares {idLength}", error);
        }
    }

    [Theory]
    [InlineData(11u)]
    [InlineData(uint.MaxValue)]
    public void Payload_longer_than_the_event_is_rejected_even_when_the_bytes_exist(uint payloadLength)
    {
        // 10 payload bytes exist in memory, but len covers only 2 of them.
        byte[] bytes = TestEvents.Plugin(1, "0123456789"u8).WithUInt32(16, 40).WithUInt32(30, payloadLength);
        fixed (byte* p = bytes)
        {
            Assert.False(EventView.TryCreate((EventHeader*)p, out _, out string? error));

            Assert.Equal($"the payload length {payloadLength} exceeds the 2 bytes left in the event", error);
        }
    }

    [Fact]
    public void Payload_ending_exactly_at_len_is_accepted_and_views_stop_at_len()
    {
        byte[] bytes = TestEvents.Plugin(1, "0123456789"u8).WithUInt32(16, 40).WithUInt32(30, 2);
        fixed (byte* p = bytes)
        {
            Assert.True(EventView.TryCreate((EventHeader*)p, out EventView view, out _));

            Assert.Equal("01"u8.ToArray(), view.Payload.ToArray());
            Assert.Equal(40, view.Raw.Length);
        }
    }

    [Theory]
    [InlineData((ushort)1, 2u)]
    [InlineData((ushort)293, 0u)]
    public void Other_event_types_are_accepted_without_payload_or_plugin_id(ushort type, uint nparams)
    {
        byte[] bytes = TestEvents.Raw(type, nparams, 30, [1, 0, 0, 0]);
        fixed (byte* p = bytes)
        {
            Assert.True(EventView.TryCreate((EventHeader*)p, out EventView view, out string? error));

            Assert.Null(error);
            Assert.False(view.IsPluginEvent);
            Assert.Equal(type, view.Type);
            Assert.Equal(nparams, view.ParamCount);
            Assert.True(view.Payload.IsEmpty);
            Assert.Equal(0u, view.PluginId);
            Assert.Equal(30, view.Raw.Length);
        }
    }

    [Fact]
    public void A_well_formed_async_event_exposes_its_name_and_data()
    {
        byte[] bytes = AsyncEvent("tick"u8, "data"u8);
        fixed (byte* p = bytes)
        {
            Assert.True(EventView.TryCreate((EventHeader*)p, out EventView view, out string? error), error);

            Assert.True(view.IsAsyncEvent);
            Assert.Equal("tick"u8.ToArray(), view.AsyncEventName.ToArray());
            Assert.Equal("data"u8.ToArray(), view.AsyncEventData.ToArray());
            Assert.True(view.Payload.IsEmpty);
        }
    }

    [Theory]
    [InlineData(2u, 5u, 4u, "an async event must have 3 parameters and room for them")]
    [InlineData(3u, 50u, 4u, "the parameter lengths of the async event do not fit its length")]
    [InlineData(3u, 5u, 400u, "the parameter lengths of the async event do not fit its length")]
    [InlineData(3u, 4u, 4u, "the name of the async event is not NUL-terminated")]
    public void Malformed_async_events_are_refused_without_reading_beyond_len(uint nparams, uint nameLength, uint dataLength, string expected)
    {
        byte[] bytes = AsyncEvent("tick"u8, "data"u8);
        BitConverter.TryWriteBytes(bytes.AsSpan(22), nparams);
        BitConverter.TryWriteBytes(bytes.AsSpan(30), nameLength);
        BitConverter.TryWriteBytes(bytes.AsSpan(34), dataLength);
        fixed (byte* p = bytes)
        {
            Assert.False(EventView.TryCreate((EventHeader*)p, out _, out string? error));
            Assert.Equal(expected, error);
        }
    }

    private static byte[] AsyncEvent(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
    {
        byte[] bytes = new byte[42 + name.Length + 1 + data.Length];
        BitConverter.TryWriteBytes(bytes.AsSpan(16), (uint)bytes.Length);
        BitConverter.TryWriteBytes(bytes.AsSpan(20), (ushort)402);
        BitConverter.TryWriteBytes(bytes.AsSpan(22), 3u);
        BitConverter.TryWriteBytes(bytes.AsSpan(26), 4u);
        BitConverter.TryWriteBytes(bytes.AsSpan(30), (uint)(name.Length + 1));
        BitConverter.TryWriteBytes(bytes.AsSpan(34), (uint)data.Length);
        name.CopyTo(bytes.AsSpan(42));
        data.CopyTo(bytes.AsSpan(42 + name.Length + 1));
        return bytes;
    }

    [Fact]
    public void Other_event_type_of_exactly_the_header_is_accepted()
    {
        byte[] bytes = TestEvents.Raw(1, 0, 26, default);
        fixed (byte* p = bytes)
        {
            Assert.True(EventView.TryCreate((EventHeader*)p, out EventView view, out _));

            Assert.Equal(26, view.Raw.Length);
        }
    }

    [Fact]
    public void Length_beyond_int_range_is_rejected()
    {
        byte[] bytes = TestEvents.Raw(1, 0, 0x8000_0000, default);
        fixed (byte* p = bytes)
        {
            Assert.False(EventView.TryCreate((EventHeader*)p, out _, out string? error));

            Assert.Equal("the event length 2147483648 is too large", error);
        }
    }
}

using System;
using Falco.Plugins.Source;
using Falco.Plugins.Tests.Events;

namespace Falco.Plugins.Tests.Source;

/// <summary>Every way of adding an event produces the exact bytes of a plugin event (code 322).</summary>
public class EventBatchLayoutTests : IDisposable
{
    private const uint PluginId = 999;
    private readonly BatchBuffer _buffer = new(16, PluginId);

    [Fact]
    public void TryAdd_writes_header_lengths_plugin_id_and_payload()
    {
        var batch = new EventBatch(_buffer);

        Assert.True(batch.TryAdd("abc\0def"u8, 1234));

        byte[] expected =
        [
            0xD2, 0x04, 0, 0, 0, 0, 0, 0,                   // ts 1234
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, // tid: none
            45, 0, 0, 0,                                    // len 38 + 7
            0x42, 0x01,                                     // type 322
            2, 0, 0, 0,                                     // nparams
            4, 0, 0, 0,                                     // plugin_id length
            7, 0, 0, 0,                                     // event_data length
            0xE7, 0x03, 0, 0,                               // plugin_id 999
            (byte)'a', (byte)'b', (byte)'c', 0, (byte)'d', (byte)'e', (byte)'f',
        ];
        Assert.Equal(expected, BatchReader.Event(_buffer, 0));
    }

    [Fact]
    public void TryAdd_without_timestamp_lets_the_framework_assign_it()
    {
        new EventBatch(_buffer).TryAdd("x"u8);

        Assert.Equal(TestEvents.Plugin(PluginId, "x"u8, ts: ulong.MaxValue), BatchReader.Event(_buffer, 0));
    }

    [Fact]
    public void TryAdd_of_an_empty_payload_is_a_38_byte_event()
    {
        new EventBatch(_buffer).TryAdd(ReadOnlySpan<byte>.Empty, 5);

        Assert.Equal(TestEvents.Plugin(PluginId, default, ts: 5), BatchReader.Event(_buffer, 0));
    }

    [Fact]
    public void TryAdd_of_text_writes_UTF8()
    {
        new EventBatch(_buffer).TryAdd("h\u00e9llo \U0001F600".AsSpan(), 7);

        Assert.Equal(TestEvents.Plugin(PluginId, "h\u00e9llo \U0001F600"u8, ts: 7), BatchReader.Event(_buffer, 0));
    }

    [Fact]
    public void TryAddFormatted_writes_the_invariant_text()
    {
        var batch = new EventBatch(_buffer);

        batch.TryAddFormatted(18446744073709551615ul, 3);
        batch.TryAddFormatted(-1.5, 4);

        Assert.Equal(TestEvents.Plugin(PluginId, "18446744073709551615"u8, ts: 3), BatchReader.Event(_buffer, 0));
        Assert.Equal(TestEvents.Plugin(PluginId, "-1.5"u8, ts: 4), BatchReader.Event(_buffer, 1));
    }

    [Fact]
    public void TryAddFormatted_grows_past_its_first_reservation()
    {
        var guid = new Guid("01234567-89ab-cdef-0123-456789abcdef");

        new EventBatch(_buffer).TryAddFormatted(guid, 9);

        Assert.Equal(TestEvents.Plugin(PluginId, "01234567-89ab-cdef-0123-456789abcdef"u8, ts: 9), BatchReader.Event(_buffer, 0));
    }

    [Fact]
    public void GetPayloadBuffer_and_Commit_write_in_place()
    {
        var batch = new EventBatch(_buffer);

        Span<byte> target = batch.GetPayloadBuffer(100);
        "in place"u8.CopyTo(target);
        batch.Commit(8, 11);

        Assert.Equal(100, target.Length);
        Assert.Equal(1, batch.Count);
        Assert.Equal(TestEvents.Plugin(PluginId, "in place"u8, ts: 11), BatchReader.Event(_buffer, 0));
    }

    [Fact]
    public void Commit_gives_back_the_unused_reservation()
    {
        var batch = new EventBatch(_buffer);

        batch.GetPayloadBuffer(1000);
        batch.Commit(2);
        batch.TryAdd("next"u8);

        // 38 + 2 bytes, rounded up to the arena's 8-byte alignment.
        Assert.Equal(40, BatchReader.Address(_buffer, 1) - BatchReader.Address(_buffer, 0));
    }

    [Fact]
    public void Events_of_one_batch_stay_intact()
    {
        var batch = new EventBatch(_buffer);
        for (int i = 0; i < 16; i++)
        {
            Assert.True(batch.TryAdd(new string((char)('a' + i), i * 10).AsSpan(), (ulong)i));
        }

        for (int i = 0; i < 16; i++)
        {
            byte[] payload = System.Text.Encoding.UTF8.GetBytes(new string((char)('a' + i), i * 10));
            Assert.Equal(TestEvents.Plugin(PluginId, payload, ts: (ulong)i), BatchReader.Event(_buffer, i));
        }
    }

    public void Dispose() => _buffer.Dispose();
}

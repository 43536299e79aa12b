using System;
using System.Text;

namespace Falco.Plugins.Testing.Tests;

/// <summary>Reading async events (code 402) with <see cref="CapturedEvent"/>.</summary>
public sealed class AsyncEventLayoutTests
{
    [Fact]
    public void A_built_async_event_reads_back_its_name_data_and_plugin_id()
    {
        CapturedEvent evt = CapturedEvent.AsyncEvent("k8s.update", "payload"u8, pluginId: 5, timestamp: 9);

        Assert.Equal(402, evt.Type);
        Assert.Equal(3u, evt.ParamCount);
        Assert.Equal("k8s.update", evt.AsyncEventName);
        Assert.Equal("payload", Encoding.UTF8.GetString(evt.AsyncEventData.Span));
        Assert.Equal(5u, evt.PluginId);
        Assert.Equal(9UL, evt.Timestamp);
        Assert.Equal(ulong.MaxValue, evt.ThreadId);
        Assert.Equal((uint)evt.Bytes.Length, evt.Length);
    }

    [Fact]
    public void Other_events_have_no_async_name_or_data()
    {
        CapturedEvent evt = CapturedEvent.PluginEvent(999, "x"u8);

        Assert.Null(evt.AsyncEventName);
        Assert.True(evt.AsyncEventData.IsEmpty);
    }

    [Fact]
    public void An_async_event_whose_lengths_overrun_it_has_no_name()
    {
        byte[] bytes = CapturedEvent.AsyncEvent("n", "data"u8).Bytes.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(34), 1000u);

        CapturedEvent evt = CapturedEvent.FromBytes(bytes);

        Assert.Null(evt.AsyncEventName);
        Assert.True(evt.AsyncEventData.IsEmpty);
    }
}

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing;

/// <summary>What one <see cref="PluginCapture.Next"/> call yields.</summary>
public enum CaptureStatus
{
    /// <summary>An event.</summary>
    Event,

    /// <summary>No event is ready now.</summary>
    Timeout,

    /// <summary>The capture is over.</summary>
    Eof,
}

/// <summary>
/// An open capture (<c>ss_instance_t*</c>), read one event at a time with the rules of
/// libscap's source-plugin engine: batches are consumed before the status that came with them,
/// SUCCESS with no events is an error, plugin events must carry the plugin's id (0 is filled
/// in), their thread id is forced to -1, and a timestamp of -1 becomes the current time.
/// Async events of the host's plugins are merged into the stream as libsinsp merges them.
/// </summary>
public sealed unsafe class PluginCapture : IDisposable
{
    private readonly Plugin _plugin;
    private void* _instance;
    private EventHeader** _batch;
    private uint _count;
    private uint _index;
    private int _pendingRc = (int)PluginRc.Success;

    // A source event fetched but not delivered yet: async events with earlier times go first.
    private byte[]? _delayed;

    internal PluginCapture(Plugin plugin, void* instance)
    {
        _plugin = plugin;
        _instance = instance;
    }

    /// <summary>How many next_batch calls were made.</summary>
    public long BatchCalls { get; private set; }

    /// <summary>
    /// Reads the next event: an async event from <see cref="PluginHost.AsyncEvents"/> or the
    /// source's next event, ordered as libsinsp orders them. A source event is fetched first;
    /// the oldest queued async event goes before it when its timestamp was assigned by the host
    /// or is not later than the source event's, and when the source times out a queued async
    /// event is delivered instead of the timeout. Both kinds are numbered from the same counter.
    /// </summary>
    /// <exception cref="PluginHostException">next_batch failed or produced a malformed event.</exception>
    public CaptureStatus Next(out CapturedEvent? evt)
    {
        evt = null;
        ObjectDisposedException.ThrowIf(_instance is null, this);
        if (_delayed is null)
        {
            CaptureStatus status = FetchSourceEvent(out _delayed);
            if (status == CaptureStatus.Timeout && TakeAsyncEvent(null, out evt))
            {
                return CaptureStatus.Event;
            }

            if (status != CaptureStatus.Event)
            {
                return status;
            }
        }

        if (TakeAsyncEvent(BinaryPrimitives.ReadUInt64LittleEndian(_delayed!), out evt))
        {
            return CaptureStatus.Event;
        }

        evt = CapturedEvent.FromBytes(_delayed!, _plugin.NextEventNumber(), _plugin.Info.EventSource);
        _delayed = null;
        return CaptureStatus.Event;
    }

    /// <summary>
    /// Reads events until the end of the capture or <paramref name="maxEvents"/>, retrying while
    /// the source times out, for at most the host's read timeout.
    /// </summary>
    public IReadOnlyList<CapturedEvent> ReadEvents(int maxEvents = int.MaxValue)
    {
        var events = new List<CapturedEvent>();
        var clock = Stopwatch.StartNew();
        while (events.Count < maxEvents)
        {
            switch (Next(out CapturedEvent? evt))
            {
                case CaptureStatus.Event:
                    events.Add(evt!);
                    break;
                case CaptureStatus.Eof:
                    return events;
                case CaptureStatus.Timeout when clock.Elapsed > _plugin.Library.Options.ReadTimeout:
                    throw new PluginHostException($"plugin {_plugin.Info.Name} timed out for {clock.Elapsed.TotalSeconds:F1} s after {events.Count} events");
                case CaptureStatus.Timeout:
                    System.Threading.Thread.Sleep(1);
                    break;
            }
        }

        return events;
    }

    /// <summary>The capture's progress (<c>plugin_get_progress</c>): a percentage and a text, or null without the symbol.</summary>
    public (double Percent, string Text)? Progress
    {
        get
        {
            if (_plugin.ApiTable.GetProgress is null || _instance is null)
            {
                return null;
            }

            uint pct = 0;
            byte* text = _plugin.ApiTable.GetProgress(_plugin.StatePointer, _instance, &pct);
            return (pct / 100.0, PluginLibrary.Str(text));
        }
    }

    /// <summary>Closes the capture (<c>plugin_close</c>).</summary>
    public void Dispose()
    {
        if (_instance is null)
        {
            return;
        }

        _plugin.ApiTable.Close(_plugin.StatePointer, _instance);
        _instance = null;
        _batch = null;
        _delayed = null;
        _plugin.CaptureClosed(this);
    }

    /// <summary>The next event of the source with libscap's checks applied, or the status next_batch gave.</summary>
    private CaptureStatus FetchSourceEvent(out byte[]? evt)
    {
        evt = null;
        string name = _plugin.Info.Name;
        if (_index >= _count)
        {
            if (_pendingRc != (int)PluginRc.Success)
            {
                int rc = _pendingRc;
                _pendingRc = (int)PluginRc.Success;
                return Status(rc);
            }

            uint count = 0;
            EventHeader** events = null;
            int result = (int)_plugin.ApiTable.NextBatch(_plugin.StatePointer, _instance, &count, &events);
            BatchCalls++;
            if (count == 0)
            {
                if (result == (int)PluginRc.Success)
                {
                    throw new PluginHostException($"unexpected 0 size event returned by plugin {name}");
                }

                return Status(result);
            }

            if (events is null)
            {
                throw new PluginHostException($"plugin {name} returned {count} events without an event array");
            }

            _batch = events;
            _count = count;
            _index = 0;
            _pendingRc = result;
        }

        evt = Copy(_batch[_index], name);
        _index++;
        return CaptureStatus.Event;
    }

    private bool TakeAsyncEvent(ulong? sourceTimestamp, [NotNullWhen(true)] out CapturedEvent? evt)
    {
        evt = null;
        if (!_plugin.Host.AsyncEvents.TryDequeueBefore(sourceTimestamp, out CapturedEvent? queued))
        {
            return false;
        }

        evt = queued.WithNumber(_plugin.NextEventNumber());
        return true;
    }

    private CaptureStatus Status(int rc) => rc switch
    {
        (int)PluginRc.Timeout => CaptureStatus.Timeout,
        (int)PluginRc.Eof => CaptureStatus.Eof,
        (int)PluginRc.Failure => throw new PluginHostException($"plugin {_plugin.Info.Name} next_batch failed: {_plugin.LastError}"),
        _ => throw new PluginHostException($"plugin {_plugin.Info.Name} next_batch returned the unexpected code {rc}: {_plugin.LastError}"),
    };

    private byte[] Copy(EventHeader* header, string name)
    {
        if (header is null)
        {
            throw new PluginHostException($"plugin {name} returned a NULL event");
        }

        uint length = header->Len;
        if (length < EventHeader.Size || length > 64 * 1024 * 1024)
        {
            throw new PluginHostException($"malformed plugin event produced by plugin: '{name}' (length {length})");
        }

        byte[] bytes = new ReadOnlySpan<byte>(header, (int)length).ToArray();
        uint id = _plugin.Info.Id;
        ushort type = Unsafe.ReadUnaligned<ushort>(ref bytes[20]);
        if (id != 0)
        {
            uint nparams = Unsafe.ReadUnaligned<uint>(ref bytes[22]);
            if (type != AbiConstants.PluginEventCode || nparams != 2 || length < AbiConstants.PluginEventPayloadOffset)
            {
                throw new PluginHostException($"malformed plugin event produced by plugin: '{name}'");
            }

            uint eventId = Unsafe.ReadUnaligned<uint>(ref bytes[34]);
            if (eventId == 0)
            {
                Unsafe.WriteUnaligned(ref bytes[34], id);
            }
            else if (eventId != id)
            {
                throw new PluginHostException($"unexpected plugin ID in plugin event: plugin='{name}', expected_id={id}, actual_id={eventId}");
            }
        }

        if (type == AbiConstants.PluginEventCode)
        {
            if (length < AbiConstants.PluginEventPayloadOffset || Unsafe.ReadUnaligned<uint>(ref bytes[34]) == 0)
            {
                throw new PluginHostException($"malformed plugin event produced by plugin (no ID): '{name}'");
            }

            Unsafe.WriteUnaligned(ref bytes[8], ulong.MaxValue);
        }

        if (Unsafe.ReadUnaligned<ulong>(ref bytes[0]) == ulong.MaxValue)
        {
            Unsafe.WriteUnaligned(ref bytes[0], EventTime.Now());
        }

        return bytes;
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Source;

/// <summary>
/// The native memory of one open capture's batches: the array of event pointers returned by
/// next_batch and the events themselves, reused from one call to the next (the API lets the
/// framework use them only until the next call).
/// </summary>
internal sealed unsafe class BatchBuffer : IDisposable
{
    private readonly NativeArena _events = new(64 * 1024);
    private readonly uint _pluginId;
    private EventHeader** _pointers;
    private byte* _pending;
    private int _pendingCapacity;

    public BatchBuffer(int capacity, uint pluginId)
    {
        Capacity = Math.Max(1, capacity);
        _pluginId = pluginId;
        _pointers = (EventHeader**)NativeMemory.Alloc((nuint)Capacity, (nuint)sizeof(EventHeader*));
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public EventHeader** Pointers => _pointers;

    public void Reset()
    {
        Count = 0;
        _pending = null;
        _events.Reset();
    }

    /// <summary>Reserves room for an event with up to <paramref name="payloadCapacity"/> payload bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> BeginEvent(int payloadCapacity)
    {
        if (Count >= Capacity)
        {
            throw new InvalidOperationException("the batch is full");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(payloadCapacity);
        _pending = _events.Alloc((nuint)(AbiConstants.PluginEventPayloadOffset + payloadCapacity));
        _pendingCapacity = payloadCapacity;
        return new Span<byte>(_pending + AbiConstants.PluginEventPayloadOffset, payloadCapacity);
    }

    /// <summary>Completes the event begun last with a payload of <paramref name="payloadLength"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CommitEvent(int payloadLength, ulong timestamp)
    {
        if (_pending is null)
        {
            throw new InvalidOperationException("no event was begun");
        }

        if ((uint)payloadLength > (uint)_pendingCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength), payloadLength, $"the payload buffer holds {_pendingCapacity} bytes");
        }

        byte* evt = _pending;
        var header = (EventHeader*)evt;
        header->Ts = timestamp;
        header->Tid = AbiConstants.Unset;
        header->Len = (uint)(AbiConstants.PluginEventPayloadOffset + payloadLength);
        header->Type = AbiConstants.PluginEventCode;
        header->NParams = 2;
        Unsafe.WriteUnaligned(evt + EventHeader.Size, 4u);
        Unsafe.WriteUnaligned(evt + EventHeader.Size + 4, (uint)payloadLength);
        Unsafe.WriteUnaligned(evt + EventHeader.Size + 8, _pluginId);
        _events.Shrink(evt, (nuint)(AbiConstants.PluginEventPayloadOffset + payloadLength));
        _pointers[Count++] = header;
        _pending = null;
    }

    public void Dispose()
    {
        _events.Dispose();
        NativeMemory.Free(_pointers);
        _pointers = null;
        GC.SuppressFinalize(this);
    }

    ~BatchBuffer()
    {
        NativeMemory.Free(_pointers);
    }
}

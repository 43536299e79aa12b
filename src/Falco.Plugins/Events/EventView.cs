using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins;

/// <summary>
/// A read-only view over one event as the framework lays it out: the 26-byte header, the
/// parameter lengths and the parameter bytes. Views are validated when created: every
/// accessor stays within the event's <c>len</c>.
/// </summary>
public readonly unsafe ref struct EventView
{
    private readonly ReadOnlySpan<byte> _bytes;

    private EventView(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
    }

    /// <summary>The event code (322 for plugin events, 402 for async events).</summary>
    public ushort Type => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.Slice(20));

    /// <summary>The timestamp in nanoseconds since the epoch.</summary>
    public ulong Timestamp => BinaryPrimitives.ReadUInt64LittleEndian(_bytes);

    /// <summary>The thread id, or <see cref="ulong.MaxValue"/> when the event has none.</summary>
    public ulong ThreadId => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.Slice(8));

    /// <summary>The number of parameters.</summary>
    public uint ParamCount => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(22));

    /// <summary>The whole event, header included.</summary>
    public ReadOnlySpan<byte> Raw => _bytes;

    /// <summary>Where the event is in memory: with its number, it tells events apart for caches.</summary>
    internal nint Address => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(_bytes));

    /// <summary>Whether this is a plugin event (code 322) produced by a source plugin.</summary>
    public bool IsPluginEvent => Type == AbiConstants.PluginEventCode;

    /// <summary>For a plugin event, the id of the source plugin that produced it; otherwise 0.</summary>
    public uint PluginId =>
        IsPluginEvent ? BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(EventHeader.Size + 8)) : 0;

    /// <summary>Whether this is an async event (code 402), sent by a plugin outside the capture loop.</summary>
    public bool IsAsyncEvent => Type == AbiConstants.AsyncEventCode;

    /// <summary>For an async event, its name in UTF-8 (without the NUL); otherwise empty.</summary>
    public ReadOnlySpan<byte> AsyncEventName
    {
        get
        {
            if (!IsAsyncEvent)
            {
                return default;
            }

            uint nameLength = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(EventHeader.Size + 4));
            return _bytes.Slice(AsyncNameOffset, (int)nameLength - 1);
        }
    }

    /// <summary>For an async event, its data; otherwise empty.</summary>
    public ReadOnlySpan<byte> AsyncEventData
    {
        get
        {
            if (!IsAsyncEvent)
            {
                return default;
            }

            uint nameLength = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(EventHeader.Size + 4));
            uint dataLength = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(EventHeader.Size + 8));
            return _bytes.Slice(AsyncNameOffset + (int)nameLength, (int)dataLength);
        }
    }

    /// <summary>For a plugin event, its payload (the <c>event_data</c> parameter); otherwise empty.</summary>
    public ReadOnlySpan<byte> Payload
    {
        get
        {
            if (!IsPluginEvent)
            {
                return default;
            }

            uint length = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(EventHeader.Size + 4));
            return _bytes.Slice(AbiConstants.PluginEventPayloadOffset, (int)length);
        }
    }

    /// <summary>
    /// Creates a view over the event at <paramref name="evt"/>, checking that its header, its
    /// parameter lengths and (for plugin events) its layout fit within its <c>len</c>.
    /// </summary>
    internal static bool TryCreate(EventHeader* evt, out EventView view, out string? error)
    {
        view = default;
        if (evt is null)
        {
            error = "the event pointer is NULL";
            return false;
        }

        uint len = evt->Len;
        if (len < EventHeader.Size)
        {
            error = $"the event length {len} is shorter than the {EventHeader.Size}-byte header";
            return false;
        }

        if (len > int.MaxValue)
        {
            error = $"the event length {len} is too large";
            return false;
        }

        var bytes = new ReadOnlySpan<byte>(evt, (int)len);
        if (evt->Type == AbiConstants.PluginEventCode && !IsWellFormedPluginEvent(bytes, out error))
        {
            return false;
        }

        if (evt->Type == AbiConstants.AsyncEventCode && !IsWellFormedAsyncEvent(bytes, out error))
        {
            return false;
        }

        view = new EventView(bytes);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="evt"/> is a well-formed plugin event (code 322), read straight from the header.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWellFormedPluginEvent(EventHeader* evt)
    {
        uint len = evt->Len;
        byte* bytes = (byte*)evt;
        return evt->Type == AbiConstants.PluginEventCode
            && len >= AbiConstants.PluginEventPayloadOffset && len <= int.MaxValue
            && evt->NParams == 2
            && Unsafe.ReadUnaligned<uint>(bytes + EventHeader.Size) == 4
            && Unsafe.ReadUnaligned<uint>(bytes + EventHeader.Size + 4) <= len - AbiConstants.PluginEventPayloadOffset;
    }

    /// <summary>A view over an event already checked by <see cref="IsWellFormedPluginEvent(EventHeader*)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static EventView CreateUnchecked(EventHeader* evt) => new(new ReadOnlySpan<byte>(evt, (int)evt->Len));

    /// <summary>Header, three 4-byte lengths and the plugin id: where an async event's name starts.</summary>
    private const int AsyncNameOffset = EventHeader.Size + 16;

    /// <summary>Checks the layout of a code-402 event: three parameters, a 4-byte plugin id, a NUL-terminated name and data that fit.</summary>
    internal static bool IsWellFormedAsyncEvent(ReadOnlySpan<byte> bytes, out string? error)
    {
        if (bytes.Length < AsyncNameOffset || BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(22)) != 3)
        {
            error = "an async event must have 3 parameters and room for them";
            return false;
        }

        uint idLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(EventHeader.Size));
        ulong nameLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(EventHeader.Size + 4));
        ulong dataLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(EventHeader.Size + 8));
        if (idLength != 4 || nameLength == 0 || (ulong)AsyncNameOffset + nameLength + dataLength > (ulong)bytes.Length)
        {
            error = "the parameter lengths of the async event do not fit its length";
            return false;
        }

        if (bytes[AsyncNameOffset + (int)nameLength - 1] != 0)
        {
            error = "the name of the async event is not NUL-terminated";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Checks the layout of a code-322 event: two parameters, a 4-byte plugin id and a payload that fits.</summary>
    internal static bool IsWellFormedPluginEvent(ReadOnlySpan<byte> bytes, out string? error)
    {
        uint nparams = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(22));
        if (nparams != 2)
        {
            error = $"a plugin event must have 2 parameters, this one has {nparams}";
            return false;
        }

        if (bytes.Length < AbiConstants.PluginEventPayloadOffset)
        {
            error = $"the plugin event length {bytes.Length} is shorter than the {AbiConstants.PluginEventPayloadOffset}-byte minimum";
            return false;
        }

        uint idLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(EventHeader.Size));
        uint payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(EventHeader.Size + 4));
        if (idLength != 4)
        {
            error = $"the plugin id parameter of a plugin event must be 4 bytes, this one declares {idLength}";
            return false;
        }

        if (payloadLength > (uint)(bytes.Length - AbiConstants.PluginEventPayloadOffset))
        {
            error = $"the payload length {payloadLength} exceeds the {bytes.Length - AbiConstants.PluginEventPayloadOffset} bytes left in the event";
            return false;
        }

        error = null;
        return true;
    }
}

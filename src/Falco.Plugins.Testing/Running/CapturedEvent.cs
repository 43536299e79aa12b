using System;
using System.Buffers.Binary;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Async;

namespace Falco.Plugins.Testing;

/// <summary>
/// A copy of one event as the framework saw it, with the number it gave the event. Events
/// come from a <see cref="PluginCapture"/>, or are built with <see cref="PluginEvent"/> or
/// <see cref="FromBytes"/> to feed extractors directly.
/// </summary>
public sealed class CapturedEvent
{
    private readonly byte[] _bytes;

    private CapturedEvent(byte[] bytes, ulong number, string source)
    {
        _bytes = bytes;
        Number = number;
        Source = source;
    }

    /// <summary>The event number (evtnum); 0 for an async event still waiting in <see cref="PluginHost.AsyncEvents"/> and for a dumped event.</summary>
    public ulong Number { get; }

    /// <summary>The event source the event belongs to.</summary>
    public string Source { get; }

    /// <summary>The whole event, header included.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The timestamp in nanoseconds since the epoch.</summary>
    public ulong Timestamp => BinaryPrimitives.ReadUInt64LittleEndian(_bytes);

    /// <summary>The thread id.</summary>
    public ulong ThreadId => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(8));

    /// <summary>The length field of the header.</summary>
    public uint Length => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(16));

    /// <summary>The event code.</summary>
    public ushort Type => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(20));

    /// <summary>The number of parameters.</summary>
    public uint ParamCount => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(22));

    /// <summary>For a plugin event (code 322) or an async event (code 402), the plugin id parameter; 0 otherwise.</summary>
    public uint PluginId => Type switch
    {
        AbiConstants.PluginEventCode when _bytes.Length >= AbiConstants.PluginEventPayloadOffset => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(34)),
        AbiConstants.AsyncEventCode when _bytes.Length >= AsyncEventLayout.NameOffset => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(AsyncEventLayout.PluginIdOffset)),
        _ => 0,
    };

    /// <summary>For a well-formed async event (code 402), its name parameter; otherwise null.</summary>
    public string? AsyncEventName => AsyncEventLayout.TryRead(_bytes, out string? name, out _) ? name : null;

    /// <summary>For a well-formed async event (code 402), its data parameter; otherwise empty.</summary>
    public ReadOnlyMemory<byte> AsyncEventData => AsyncEventLayout.TryRead(_bytes, out _, out Range data) ? _bytes.AsMemory(data) : ReadOnlyMemory<byte>.Empty;

    /// <summary>For a well-formed plugin event, its payload; otherwise empty.</summary>
    public ReadOnlyMemory<byte> Payload
    {
        get
        {
            if (Type != AbiConstants.PluginEventCode || _bytes.Length < AbiConstants.PluginEventPayloadOffset)
            {
                return ReadOnlyMemory<byte>.Empty;
            }

            uint length = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(30));
            return length <= (uint)(_bytes.Length - AbiConstants.PluginEventPayloadOffset)
                ? _bytes.AsMemory(AbiConstants.PluginEventPayloadOffset, (int)length)
                : ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>The payload decoded as UTF-8.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);

    private static long s_lastNumber;

    /// <summary>Builds a well-formed plugin event (code 322); without a number, it gets the next one of a process-wide sequence.</summary>
    public static CapturedEvent PluginEvent(uint pluginId, ReadOnlySpan<byte> payload, ulong number = 0, string source = "", ulong timestamp = 0)
    {
        if (number == 0)
        {
            number = (ulong)System.Threading.Interlocked.Increment(ref s_lastNumber);
        }

        byte[] bytes = new byte[AbiConstants.PluginEventPayloadOffset + payload.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, timestamp);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), ulong.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), AbiConstants.PluginEventCode);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(26), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(30), (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(34), pluginId);
        payload.CopyTo(bytes.AsSpan(AbiConstants.PluginEventPayloadOffset));
        return new CapturedEvent(bytes, number, source);
    }

    /// <summary>Builds a well-formed async event (code 402); without a number, it gets the next one of a process-wide sequence.</summary>
    public static CapturedEvent AsyncEvent(
        string name,
        ReadOnlySpan<byte> data,
        uint pluginId = 0,
        ulong number = 0,
        string source = "",
        ulong timestamp = 0,
        ulong threadId = ulong.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FromBytes(AsyncEventLayout.Encode(name, data, pluginId, timestamp, threadId), number, source);
    }

    /// <summary>Wraps arbitrary bytes as an event, well-formed or not (for robustness tests).</summary>
    public static CapturedEvent FromBytes(byte[] bytes, ulong number = 0, string source = "")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (number == 0)
        {
            number = (ulong)System.Threading.Interlocked.Increment(ref s_lastNumber);
        }

        return new CapturedEvent(bytes, number, source);
    }

    internal byte[] RawBytes => _bytes;

    /// <summary>An event the framework has not numbered yet (an async event waiting in the queue, a dumped event): its number is 0.</summary>
    internal static CapturedEvent Unnumbered(byte[] bytes, string source) => new(bytes, 0, source);

    /// <summary>The same event with the number a capture gives it when it delivers it.</summary>
    internal CapturedEvent WithNumber(ulong number) => new(_bytes, number, Source);

    /// <inheritdoc />
    public override string ToString() => $"#{Number} type={Type} len={Length} ts={Timestamp}";
}

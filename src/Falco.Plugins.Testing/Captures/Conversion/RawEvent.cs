using System;
using System.Buffers.Binary;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>
/// An event in the current layout (26-byte header, a table of parameter lengths, the values),
/// read through the event table: its code says whether lengths take 2 or 4 bytes.
/// </summary>
internal readonly struct RawEvent
{
    /// <summary>Header offsets: ts u64, tid u64, len u32, type u16, nparams u32.</summary>
    public const int ThreadIdOffset = 8;
    public const int LengthOffset = 16;
    public const int TypeOffset = 20;
    public const int ParamCountOffset = 22;

    private readonly int _lengthSize;

    /// <summary>Wraps <paramref name="bytes"/>, whose header is already known to be whole.</summary>
    public RawEvent(byte[] bytes)
    {
        Bytes = bytes;
        _lengthSize = LengthSizeOf(Type);
    }

    /// <summary>The event.</summary>
    public byte[] Bytes { get; }

    /// <summary>The thread the event belongs to.</summary>
    public ulong ThreadId => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(ThreadIdOffset));

    /// <summary>The event code.</summary>
    public ushort Type => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(TypeOffset));

    /// <summary>The number of parameters the event carries.</summary>
    public int ParamCount => (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(ParamCountOffset)), int.MaxValue);

    /// <summary>The size of each entry of the length table of events of <paramref name="code"/>: 4 with a large payload, 2 otherwise.</summary>
    public static int LengthSizeOf(ushort code) =>
        EventSchema.TryGet(code, out EventInfo? info) ? info.LengthSize : sizeof(ushort);

    /// <summary>Whether the length table and the values it measures fit the event exactly.</summary>
    public bool IsWellFormed()
    {
        long values = EventBlockReader.HeaderSize + ((long)ParamCount * _lengthSize);
        if (values > Bytes.Length)
        {
            return false;
        }

        for (int i = 0; i < ParamCount; i++)
        {
            values += ParamLength(i);
        }

        return values == Bytes.Length;
    }

    /// <summary>The value of parameter <paramref name="index"/>, which must exist.</summary>
    public ReadOnlySpan<byte> Param(int index) => ParamMemory(index).Span;

    /// <summary>The value of parameter <paramref name="index"/>, which must exist.</summary>
    public ReadOnlyMemory<byte> ParamMemory(int index)
    {
        long offset = EventBlockReader.HeaderSize + ((long)ParamCount * _lengthSize);
        for (int i = 0; i < index; i++)
        {
            offset += ParamLength(i);
        }

        return Bytes.AsMemory((int)offset, (int)ParamLength(index));
    }

    /// <summary>The length entry of parameter <paramref name="index"/>.</summary>
    public uint ParamLength(int index)
    {
        ReadOnlySpan<byte> entry = Bytes.AsSpan(EventBlockReader.HeaderSize + (index * _lengthSize));
        return _lengthSize == sizeof(uint) ? BinaryPrimitives.ReadUInt32LittleEndian(entry) : BinaryPrimitives.ReadUInt16LittleEndian(entry);
    }
}

using System;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// The value of a dynamic parameter (<c>PT_DYN</c>): a leading index byte selects one of the
/// parameter's shapes (<see cref="ParamInfo.DynamicShapes"/>), and the rest is a value of that
/// shape, e.g. setsockopt's <c>val</c> is an errno, a u32, a u64, a timeval or raw bytes.
/// </summary>
public readonly ref struct DynamicValue
{
    private DynamicValue(byte index, ParamInfo? shape, ReadOnlySpan<byte> bytes)
    {
        Index = index;
        Shape = shape;
        Bytes = bytes;
    }

    /// <summary>The index byte: which shape the value has.</summary>
    public byte Index { get; }

    /// <summary>The shape <see cref="Index"/> selects; <see langword="null"/> for a value built with <see cref="Create"/>.</summary>
    public ParamInfo? Shape { get; }

    /// <summary>The bytes of the value, after the index byte.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>The value as a parameter of its shape, to read with the typed getters of <see cref="SyscallParameter"/>.</summary>
    public SyscallParameter Value => new(Shape, Bytes);

    /// <summary>The size of the value in an event: the index byte and the value.</summary>
    public int EncodedLength => 1 + Bytes.Length;

    /// <summary>A value for encoding: the shape index and the value's bytes as the shape lays them out.</summary>
    public static DynamicValue Create(byte index, ReadOnlySpan<byte> bytes) => new(index, null, bytes);

    /// <summary>Writes the index byte and the value; <paramref name="destination"/> holds at least <see cref="EncodedLength"/> bytes.</summary>
    internal void WriteTo(Span<byte> destination)
    {
        destination[0] = Index;
        Bytes.CopyTo(destination.Slice(1));
    }

    /// <summary>Reads a value from a parameter's bytes; false when they are empty or the index selects no shape.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> bytes, ParamInfo[] shapes, out DynamicValue value)
    {
        if (bytes.IsEmpty || bytes[0] >= shapes.Length)
        {
            value = default;
            return false;
        }

        value = new DynamicValue(bytes[0], shapes[bytes[0]], bytes.Slice(1));
        return true;
    }
}

using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// The one validation of an event's layout that makes every later read safe: the header fits,
/// <c>len</c> is within the buffer, the code is the expected one, there are no more parameters
/// than the table has, the length table fits, and the parameter lengths add up to <c>len</c>.
/// </summary>
internal static class EventLayout
{
    public const int HeaderSize = 26;
    private const int LenOffset = 16;
    private const int TypeOffset = 20;
    private const int NParamsOffset = 22;

    /// <summary>Checks <paramref name="raw"/> as an event of <paramref name="code"/>; on success, the event's bytes and parameter count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EventLayoutProblem Check(ReadOnlySpan<byte> raw, ushort code, int tableParamCount, int lengthSize, out ReadOnlySpan<byte> bytes, out int paramCount)
    {
        bytes = default;
        paramCount = 0;
        if (raw.Length < HeaderSize)
        {
            return EventLayoutProblem.ShorterThanHeader;
        }

        // The header is within raw: read it without bounds checks.
        ref byte start = ref MemoryMarshal.GetReference(raw);
        if (ReadUInt16(ref start, TypeOffset) != code)
        {
            return EventLayoutProblem.OtherCode;
        }

        uint len = ReadUInt32(ref start, LenOffset);
        if (len < HeaderSize || len > (uint)raw.Length)
        {
            return EventLayoutProblem.LengthOutsideBuffer;
        }

        uint nparams = ReadUInt32(ref start, NParamsOffset);
        if (nparams > (uint)tableParamCount)
        {
            return EventLayoutProblem.TooManyParams;
        }

        // nparams is at most the table's count (a few dozen): no overflow.
        uint dataStart = HeaderSize + (nparams * (uint)lengthSize);
        if (dataStart > len)
        {
            return EventLayoutProblem.LengthTableOutsideEvent;
        }

        ulong sum = 0;
        if (lengthSize == 2)
        {
            for (int i = 0; i < (int)nparams; i++)
            {
                sum += ReadUInt16(ref start, HeaderSize + (2 * i));
            }
        }
        else
        {
            for (int i = 0; i < (int)nparams; i++)
            {
                sum += ReadUInt32(ref start, HeaderSize + (4 * i));
            }
        }

        if (dataStart + sum != len)
        {
            return EventLayoutProblem.LengthsDoNotAddUp;
        }

        bytes = raw.Slice(0, (int)len);
        paramCount = (int)nparams;
        return EventLayoutProblem.None;
    }

    /// <summary>
    /// The message for <paramref name="problem"/>, naming the expected event by
    /// <paramref name="enumName"/> and code (no name: the caller expected no particular code).
    /// </summary>
    public static string Describe(EventLayoutProblem problem, ReadOnlySpan<byte> raw, ushort code, string enumName, int tableParamCount, int lengthSize)
    {
        string subject = enumName.Length == 0 ? "the event" : $"{enumName} (code {code})";
        if (problem == EventLayoutProblem.ShorterThanHeader)
        {
            return $"{subject}: {raw.Length} bytes, shorter than the {HeaderSize}-byte header";
        }

        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(raw.Slice(TypeOffset));
        uint len = BinaryPrimitives.ReadUInt32LittleEndian(raw.Slice(LenOffset));
        uint nparams = BinaryPrimitives.ReadUInt32LittleEndian(raw.Slice(NParamsOffset));
        return problem switch
        {
            EventLayoutProblem.OtherCode => $"{subject}: the event has code {type}",
            EventLayoutProblem.UnknownCode => $"code {type} is not in the event table (schema {EventSchema.Version})",
            EventLayoutProblem.LengthOutsideBuffer => $"{subject}: the event length {len} is not between the {HeaderSize}-byte header and the {raw.Length} bytes available",
            EventLayoutProblem.TooManyParams => $"{subject}: the event has {nparams} parameters, the table defines {tableParamCount}",
            EventLayoutProblem.LengthTableOutsideEvent => $"{subject}: the lengths of {nparams} parameters ({lengthSize} bytes each) do not fit in the event length {len}",
            EventLayoutProblem.LengthsDoNotAddUp => $"{subject}: the parameter lengths add up to {SumOfLengths(raw, (int)nparams, lengthSize)} bytes, the event length {len} leaves {len - HeaderSize - (nparams * (uint)lengthSize)}",
            _ => $"{subject}: malformed event",
        };
    }

    private static ulong SumOfLengths(ReadOnlySpan<byte> raw, int count, int lengthSize)
    {
        ulong sum = 0;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> entry = raw.Slice(HeaderSize + (i * lengthSize));
            sum += lengthSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(entry) : BinaryPrimitives.ReadUInt32LittleEndian(entry);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort ReadUInt16(ref byte start, int offset)
    {
        ushort value = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ReadUInt32(ref byte start, int offset)
    {
        uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }
}

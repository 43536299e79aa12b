using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>Views over event bytes, and events laid out by hand the way libscap's encoder lays them out.</summary>
internal static unsafe class SyscallTestEvents
{
    public delegate void ViewAction(EventView view);

    /// <summary>Runs <paramref name="action"/> on the view the exports would create over <paramref name="bytes"/> (its span ends at <c>len</c>).</summary>
    public static void With(byte[] bytes, ViewAction action)
    {
        fixed (byte* p = bytes)
        {
            Assert.True(EventView.TryCreate((EventHeader*)p, out EventView view, out string? error), error);
            action(view);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a view whose span is exactly <paramref name="bytes"/>,
    /// whatever the header's <c>len</c> says: how a view over a buffer shorter than <c>len</c> looks.
    /// </summary>
    public static void WithSpan(ReadOnlySpan<byte> bytes, ViewAction action)
    {
        // EventView is a single span: check that before reinterpreting one as the other.
        Assert.Equal(Unsafe.SizeOf<ReadOnlySpan<byte>>(), Unsafe.SizeOf<EventView>());
        EventView view = Unsafe.As<ReadOnlySpan<byte>, EventView>(ref bytes);
        Assert.True(view.Raw == bytes);
        action(view);
    }

    /// <summary>
    /// The layout of libscap's <c>scap_event_encode_params</c>: the 26-byte header (ts, tid,
    /// len, type, nparams), one length per parameter (u16, or u32 for large-payload events),
    /// then the values.
    /// </summary>
    public static byte[] Layout(ushort type, ulong ts, ulong tid, bool large, params byte[][] values)
    {
        int lengthSize = large ? 4 : 2;
        var bytes = new List<byte>();
        bytes.AddRange(U64(ts));
        bytes.AddRange(U64(tid));
        bytes.AddRange(U32(0));
        bytes.AddRange(U16(type));
        bytes.AddRange(U32((uint)values.Length));
        foreach (byte[] value in values)
        {
            bytes.AddRange(large ? U32((uint)value.Length) : U16((ushort)value.Length));
        }

        foreach (byte[] value in values)
        {
            bytes.AddRange(value);
        }

        byte[] result = bytes.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(16), (uint)result.Length);
        Assert.Equal(26 + (values.Length * lengthSize), result.Length - Sum(values));
        return result;
    }

    public static byte[] U8(byte value) => [value];

    public static byte[] U16(ushort value)
    {
        byte[] b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        return b;
    }

    public static byte[] U32(uint value)
    {
        byte[] b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }

    public static byte[] U64(ulong value)
    {
        byte[] b = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        return b;
    }

    public static byte[] I64(long value) => U64((ulong)value);

    /// <summary>A C string as libscap writes it: the bytes and a NUL (<c>strlen + 1</c>).</summary>
    public static byte[] Str(string value) => [.. System.Text.Encoding.UTF8.GetBytes(value), 0];

    public static byte[] Concat(params byte[][] parts)
    {
        var bytes = new List<byte>();
        foreach (byte[] part in parts)
        {
            bytes.AddRange(part);
        }

        return bytes.ToArray();
    }

    /// <summary>Overwrites the u32 at <paramref name="offset"/>.</summary>
    public static byte[] WithUInt32(this byte[] bytes, int offset, uint value)
    {
        byte[] copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    /// <summary>Overwrites the u16 at <paramref name="offset"/>.</summary>
    public static byte[] WithUInt16(this byte[] bytes, int offset, ushort value)
    {
        byte[] copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static int Sum(byte[][] values)
    {
        int sum = 0;
        foreach (byte[] value in values)
        {
            sum += value.Length;
        }

        return sum;
    }
}

using System;
using System.Buffers.Binary;

namespace Falco.Plugins.Tests.Events;

/// <summary>Builds events byte by byte, as the framework lays them out (little-endian, packed header).</summary>
internal static class TestEvents
{
    public const int HeaderSize = 26;
    public const int PayloadOffset = 38;

    /// <summary>A well-formed plugin event (code 322).</summary>
    public static byte[] Plugin(uint pluginId, ReadOnlySpan<byte> payload, ulong ts = 1_700_000_000_000_000_000, ulong tid = ulong.MaxValue)
    {
        byte[] bytes = new byte[PayloadOffset + payload.Length];
        WriteHeader(bytes, ts, tid, (uint)bytes.Length, 322, 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderSize), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderSize + 4), (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderSize + 8), pluginId);
        payload.CopyTo(bytes.AsSpan(PayloadOffset));
        return bytes;
    }

    /// <summary>A header followed by <paramref name="body"/>, with the given <c>len</c> (which may lie).</summary>
    public static byte[] Raw(ushort type, uint nparams, uint len, ReadOnlySpan<byte> body)
    {
        byte[] bytes = new byte[HeaderSize + body.Length];
        WriteHeader(bytes, 5, 6, len, type, nparams);
        body.CopyTo(bytes.AsSpan(HeaderSize));
        return bytes;
    }

    /// <summary>Overwrites the u32 at <paramref name="offset"/>.</summary>
    public static byte[] WithUInt32(this byte[] bytes, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }

    private static void WriteHeader(Span<byte> bytes, ulong ts, ulong tid, uint len, ushort type, uint nparams)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ts);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(8), tid);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(16), len);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.Slice(20), type);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(22), nparams);
    }
}

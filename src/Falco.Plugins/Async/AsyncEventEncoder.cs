using System;
using System.Runtime.CompilerServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Async;

/// <summary>
/// Lays out an async event (code 402): the header, three 4-byte parameter lengths, then
/// <c>plugin_id</c> (0: the framework fills it in), the NUL-terminated name and the data.
/// </summary>
internal static class AsyncEventEncoder
{
    /// <summary>Header, three lengths and the plugin id: where the name starts (byte 42).</summary>
    public const int NameOffset = EventHeader.Size + (3 * 4) + 4;

    public static int Size(int nameLength, int dataLength) => NameOffset + nameLength + 1 + dataLength;

    /// <summary>Writes the event into <paramref name="target"/>, which must be <see cref="Size"/> bytes.</summary>
    public static void Write(Span<byte> target, ReadOnlySpan<byte> name, ReadOnlySpan<byte> data, ulong timestamp, ulong threadId)
    {
        ref byte start = ref target[0];
        Unsafe.WriteUnaligned(ref start, timestamp);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, 8), threadId);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, 16), (uint)target.Length);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, 20), AbiConstants.AsyncEventCode);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, 22), 3u);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, EventHeader.Size), 4u);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, EventHeader.Size + 4), (uint)(name.Length + 1));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, EventHeader.Size + 8), (uint)data.Length);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, EventHeader.Size + 12), 0u);
        name.CopyTo(target.Slice(NameOffset));
        target[NameOffset + name.Length] = 0;
        data.CopyTo(target.Slice(NameOffset + name.Length + 1));
    }
}

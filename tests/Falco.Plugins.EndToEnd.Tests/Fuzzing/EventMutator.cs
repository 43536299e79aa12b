using System;
using System.Buffers.Binary;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Turns a well-formed event into a broken one, deterministically from a seeded
/// <see cref="Random"/>: a wrong type, a <c>len</c> shorter or longer than the parameters, a
/// parameter count that does not match, truncated parameters, huge parameter lengths, flipped
/// bytes, or random bytes altogether. Every result holds at least its header's <c>len</c>
/// (the framework always delivers that much) and at least the 26-byte header.
/// </summary>
internal static class EventMutator
{
    private const int HeaderSize = 26;
    private const int LenOffset = 16;
    private const int TypeOffset = 20;
    private const int ParamCountOffset = 22;
    private const int MaxGrowth = 64 * 1024;

    private static readonly uint[] HugeLengths = [0xFFFF, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 65_536, 1 << 20];

    /// <summary>A broken copy of <paramref name="seed"/>: one to three mutations, with the event types <paramref name="types"/> to pick wrong ones from.</summary>
    public static byte[] Mutate(Random random, ReadOnlySpan<byte> seed, ReadOnlySpan<ushort> types)
    {
        byte[] bytes = seed.ToArray();
        int mutations = random.Next(1, 4);
        for (int i = 0; i < mutations; i++)
        {
            bytes = MutateOnce(random, bytes, types);
        }

        return Settle(bytes);
    }

    private static byte[] MutateOnce(Random random, byte[] bytes, ReadOnlySpan<ushort> types)
    {
        switch (random.Next(9))
        {
            case 0:
                ushort type = random.Next(3) == 0 ? (ushort)random.Next(ushort.MaxValue + 1) : types[random.Next(types.Length)];
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(TypeOffset), type);
                return bytes;
            case 1:
                // len shorter than the parameters: the event ends early.
                return Resize(bytes, random.Next(HeaderSize, Math.Max(HeaderSize + 1, bytes.Length)));
            case 2:
                // len longer than the parameters: trailing bytes the parameters do not claim.
                return Resize(random, bytes, bytes.Length + random.Next(1, 64));
            case 3:
                uint count = random.Next(4) switch
                {
                    0 => 0,
                    1 => uint.MaxValue,
                    2 => (uint)random.Next(1 << 16),
                    _ => ReadCount(bytes) + (uint)random.Next(-2, 3),
                };
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(ParamCountOffset), count);
                return bytes;
            case 4:
                // Truncated parameters: the length table is kept, the data is cut.
                return Resize(bytes, Math.Max(HeaderSize, bytes.Length - random.Next(1, Math.Max(2, bytes.Length - HeaderSize + 1))));
            case 5:
                WriteHugeLength(random, bytes);
                return bytes;
            case 6:
                FlipBytes(random, bytes);
                return bytes;
            case 7:
                // The length field itself, shorter than the header or anything up to the bytes held.
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(LenOffset), (uint)random.Next(0, bytes.Length + 1));
                return bytes;
            default:
                return RandomEvent(random, types);
        }
    }

    /// <summary>An event of random bytes with a plausible header.</summary>
    public static byte[] RandomEvent(Random random, ReadOnlySpan<ushort> types)
    {
        byte[] bytes = new byte[random.Next(HeaderSize, 512)];
        random.NextBytes(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(TypeOffset), types[random.Next(types.Length)]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(ParamCountOffset), (uint)random.Next(0, 8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(LenOffset), (uint)bytes.Length);
        return bytes;
    }

    private static uint ReadCount(byte[] bytes) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(ParamCountOffset));

    private static void WriteHugeLength(Random random, byte[] bytes)
    {
        if (bytes.Length < HeaderSize + 2)
        {
            return;
        }

        // The length table follows the header, with 2-byte entries (4-byte for large-payload and plugin events).
        uint huge = HugeLengths[random.Next(HugeLengths.Length)];
        int width = random.Next(2) == 0 ? 2 : 4;
        int slots = Math.Max(1, (bytes.Length - HeaderSize) / width);
        int at = HeaderSize + (random.Next(Math.Min(slots, 8)) * width);
        if (width == 4 && at + 4 <= bytes.Length)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), huge);
        }
        else if (at + 2 <= bytes.Length)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), (ushort)huge);
        }
    }

    private static void FlipBytes(Random random, byte[] bytes)
    {
        int flips = random.Next(1, 5);
        for (int i = 0; i < flips; i++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }
    }

    private static byte[] Resize(byte[] bytes, int length)
    {
        byte[] resized = new byte[length];
        bytes.AsSpan(0, Math.Min(length, bytes.Length)).CopyTo(resized);
        BinaryPrimitives.WriteUInt32LittleEndian(resized.AsSpan(LenOffset), (uint)length);
        return resized;
    }

    private static byte[] Resize(Random random, byte[] bytes, int length)
    {
        byte[] resized = Resize(bytes, length);
        random.NextBytes(resized.AsSpan(bytes.Length));
        return resized;
    }

    /// <summary>Makes the memory hold at least the header and the header's <c>len</c>, as any delivered event does.</summary>
    private static byte[] Settle(byte[] bytes)
    {
        uint len = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(LenOffset));
        if (len <= (uint)bytes.Length)
        {
            // Bytes past len are not part of the event: the guard page goes right after len.
            return len >= HeaderSize ? bytes.AsSpan(0, (int)len).ToArray() : bytes.AsSpan(0, HeaderSize).ToArray();
        }

        if (len > (uint)bytes.Length + MaxGrowth)
        {
            // A flipped length byte claims megabytes: the framework never delivers that, so the event keeps its size.
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(LenOffset), (uint)bytes.Length);
            return bytes;
        }

        byte[] grown = new byte[len];
        bytes.CopyTo(grown, 0);
        return grown;
    }
}

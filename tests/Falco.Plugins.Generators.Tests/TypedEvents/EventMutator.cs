using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// Turns well-formed events into malformed ones, deterministically from a random source:
/// truncated, with flipped length bytes, huge or wrong parameter counts, lengths that do not
/// add up, a lying <c>len</c>, parameters rewritten with random bytes (strings without NUL,
/// addresses of the wrong size, lists with wrong counts, unknown dynamic indexes) or dropped,
/// and plain random bytes.
/// </summary>
internal static class EventMutator
{
    public static readonly string[] Kinds =
    [
        "truncate", "flip-length-byte", "huge-nparams", "nparams-off-by-one", "lengths-do-not-add-up", "lying-len",
        "rewrite-parameter", "drop-trailing-parameters", "flip-value-byte", "random-body", "random-bytes",
    ];

    public static byte[] Mutate(byte[] valid, bool large, Random random, out string kind)
    {
        kind = Kinds[random.Next(Kinds.Length)];
        int lengthSize = large ? 4 : 2;
        byte[] bytes = (byte[])valid.Clone();
        uint nparams = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(22));
        int tableEnd = 26 + ((int)nparams * lengthSize);
        switch (kind)
        {
            case "truncate":
                return bytes.AsSpan(0, random.Next(bytes.Length)).ToArray();
            case "flip-length-byte":
                if (nparams > 0)
                {
                    bytes[26 + random.Next((int)nparams * lengthSize)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case "huge-nparams":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), random.Next(3) switch { 0 => uint.MaxValue, 1 => 0x8000_0000, _ => (uint)random.Next(64, 100_000) });
                return bytes;
            case "nparams-off-by-one":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), random.Next(2) == 0 ? nparams + 1 : Math.Max(nparams, 1) - 1);
                return bytes;
            case "lengths-do-not-add-up":
                if (nparams > 0)
                {
                    int entry = 26 + (random.Next((int)nparams) * lengthSize);
                    int delta = random.Next(2) == 0 ? 1 : -1;
                    if (large)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(entry)) + (uint)delta);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry), (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(entry)) + delta));
                    }

                    return bytes;
                }

                // Without parameters: a byte after the (empty) length table that no length covers.
                byte[] longer = [.. bytes, 0];
                BinaryPrimitives.WriteUInt32LittleEndian(longer.AsSpan(16), (uint)longer.Length);
                return longer;
            case "lying-len":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), random.Next(3) switch { 0 => uint.MaxValue, 1 => (uint)bytes.Length + 1, _ => (uint)random.Next(0, bytes.Length) });
                return bytes;
            case "rewrite-parameter":
                return Rebuild(bytes, large, parameters =>
                {
                    if (parameters.Count > 0)
                    {
                        parameters[random.Next(parameters.Count)] = RandomValue(random);
                    }
                });
            case "drop-trailing-parameters":
                return Rebuild(bytes, large, parameters =>
                {
                    int dropped = random.Next(parameters.Count + 1);
                    parameters.RemoveRange(parameters.Count - dropped, dropped);
                });
            case "flip-value-byte":
                if (bytes.Length > tableEnd && tableEnd <= bytes.Length)
                {
                    for (int i = random.Next(1, 4); i > 0; i--)
                    {
                        bytes[tableEnd + random.Next(bytes.Length - tableEnd)] ^= (byte)random.Next(1, 256);
                    }
                }

                return bytes;
            case "random-body":
                return Rebuild(bytes, large, parameters =>
                {
                    int count = random.Next(parameters.Count + 1);
                    parameters.Clear();
                    parameters.AddRange(Enumerable.Range(0, count).Select(_ => RandomValue(random)));
                });
            default:
                byte[] noise = new byte[random.Next(0, 200)];
                random.NextBytes(noise);
                if (noise.Length >= 26 && random.Next(2) == 0)
                {
                    // Keep the code so that the typed reader gets past its first check.
                    bytes.AsSpan(20, 2).CopyTo(noise.AsSpan(20));
                }

                return noise;
        }
    }

    /// <summary>A random parameter value: often tiny (sizes around the fixed ones), sometimes structured-looking.</summary>
    private static byte[] RandomValue(Random random)
    {
        int length = random.Next(4) switch
        {
            0 => random.Next(0, 3),
            1 => new[] { 1, 2, 4, 7, 8, 12, 13, 16, 17, 19, 32, 37 }[random.Next(12)],
            2 => random.Next(0, 64),
            _ => random.Next(0, 600),
        };
        byte[] value = new byte[length];
        random.NextBytes(value);
        if (length > 0 && random.Next(3) == 0)
        {
            value[0] = new byte[] { 0, 1, 2, 10, 16, 255 }[random.Next(6)]; // families and dynamic indexes
        }

        if (length >= 2 && random.Next(4) == 0)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(value, (ushort)random.Next(0, 8)); // fd list counts
        }

        return value;
    }

    /// <summary>Splits the event into its parameters, lets <paramref name="change"/> edit them, and lays it out again consistently.</summary>
    private static byte[] Rebuild(byte[] bytes, bool large, Action<List<byte[]>> change)
    {
        int lengthSize = large ? 4 : 2;
        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(22));
        var parameters = new List<byte[]>();
        int offset = 26 + (count * lengthSize);
        for (int i = 0; i < count; i++)
        {
            int length = large
                ? (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(26 + (4 * i)))
                : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26 + (2 * i)));
            parameters.Add(bytes.AsSpan(offset, length).ToArray());
            offset += length;
        }

        change(parameters);
        var result = new List<byte>(bytes.AsSpan(0, 26).ToArray());
        foreach (byte[] p in parameters)
        {
            byte[] entry = new byte[lengthSize];
            if (large)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)p.Length);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)p.Length);
            }

            result.AddRange(entry);
        }

        foreach (byte[] p in parameters)
        {
            result.AddRange(p);
        }

        byte[] rebuilt = result.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(rebuilt.AsSpan(16), (uint)rebuilt.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(rebuilt.AsSpan(22), (uint)parameters.Count);
        return rebuilt;
    }
}

using System;
using System.Buffers.Binary;
using System.Globalization;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The event of an event block, as the 26-byte-header event libsinsp sees. Blocks of the first
/// format stored a 22-byte header without the parameter count; libscap inserts the count,
/// working it out from the parameter lengths, and so does this reader.
/// </summary>
internal static class EventBlockReader
{
    /// <summary>The header of current events: ts u64, tid u64, len u32, type u16, nparams u32.</summary>
    public const int HeaderSize = 26;

    /// <summary>The header of first-format events, without nparams.</summary>
    public const int OldHeaderSize = 22;

    /// <summary>PPME_NOTIFICATION_E and PPME_INFRASTRUCTURE_EVENT_E: old captures stored their length 3 bytes too long.</summary>
    private const ushort NotificationCode = 280;
    private const ushort InfrastructureEventCode = 286;

    /// <summary>A copy of the event the block holds, in the current layout.</summary>
    /// <exception cref="CaptureFileException">The event does not fit its block or its parameters do not add up.</exception>
    public static byte[] Read(CaptureBlock block)
    {
        BlockCursor cursor = block.Cursor("event block");
        cursor.U16(); // the CPU the event was recorded on
        if (BlockTypes.HasFlags(block.Type))
        {
            cursor.U32();
        }

        bool current = BlockTypes.HasParamCount(block.Type);
        int headerSize = current ? HeaderSize : OldHeaderSize;
        long eventOffset = cursor.Offset;
        ReadOnlySpan<byte> rest = cursor.Bytes(cursor.Remaining);
        if (rest.Length < headerSize)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"event block has room for {rest.Length} event bytes, less than a {headerSize}-byte event header"),
                eventOffset);
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(rest[16..]);
        if (length < headerSize || length > rest.Length)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"event length {length} does not fit its block ({headerSize} to {rest.Length} bytes)"),
                eventOffset + 16);
        }

        return current ? rest[..(int)length].ToArray() : Upgrade(rest[..(int)length], eventOffset);
    }

    private static byte[] Upgrade(ReadOnlySpan<byte> old, long offset)
    {
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(old[20..]);
        int length = old.Length;
        if (type is NotificationCode or InfrastructureEventCode && length >= OldHeaderSize + 3)
        {
            length -= 3;
        }

        ReadOnlySpan<byte> parameters = old[OldHeaderSize..length];
        uint count = ParamCount(parameters)
            ?? throw new CaptureFileException("old-format event: its parameter lengths do not add up to its length", offset);

        byte[] upgraded = new byte[length + sizeof(uint)];
        old[..OldHeaderSize].CopyTo(upgraded);
        BinaryPrimitives.WriteUInt32LittleEndian(upgraded.AsSpan(16), (uint)upgraded.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(upgraded.AsSpan(OldHeaderSize), count);
        parameters.CopyTo(upgraded.AsSpan(HeaderSize));
        return upgraded;
    }

    /// <summary>
    /// The parameter count n for which n u16 lengths and the n values they measure fill the
    /// parameters exactly. The total grows strictly with n, so at most one n fits: libscap
    /// finds the same one, searching down from the event table's count.
    /// </summary>
    private static uint? ParamCount(ReadOnlySpan<byte> parameters)
    {
        long values = 0;
        for (int n = 0; 2 * n <= parameters.Length; n++)
        {
            long total = (2L * n) + values;
            if (total == parameters.Length)
            {
                return (uint)n;
            }

            if (total > parameters.Length || 2 * (n + 1) > parameters.Length)
            {
                return null;
            }

            values += BinaryPrimitives.ReadUInt16LittleEndian(parameters[(2 * n)..]);
        }

        return null;
    }
}

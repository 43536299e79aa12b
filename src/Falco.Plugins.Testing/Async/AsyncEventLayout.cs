using System;
using System.Buffers.Binary;
using System.Text;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Async;

/// <summary>
/// The layout of an async event (<c>PPME_ASYNCEVENT_E</c>, code 402, large payload): the
/// 26-byte header, three u32 parameter lengths, then <c>plugin_id</c> (u32), <c>name</c> (a
/// NUL-terminated string) and <c>data</c> (bytes).
/// </summary>
internal static class AsyncEventLayout
{
    /// <summary>Where the plugin id parameter is: the header and three u32 lengths.</summary>
    public const int PluginIdOffset = EventHeader.Size + (3 * sizeof(uint));

    /// <summary>Where libsinsp reads the name, as a C string: right after the plugin id.</summary>
    public const int NameOffset = PluginIdOffset + sizeof(uint);

    /// <summary>The parameter count of a well-formed async event.</summary>
    public const uint ParamCount = 3;

    /// <summary>Reads the name and where the data is, when the event is a well-formed async event whose lengths fit its bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out string? name, out Range data)
    {
        name = null;
        data = default;
        if (bytes.Length < NameOffset
            || BinaryPrimitives.ReadUInt16LittleEndian(bytes[20..]) != AbiConstants.AsyncEventCode
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes[22..]) != ParamCount
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes[26..]) != sizeof(uint))
        {
            return false;
        }

        ulong nameLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[30..]);
        ulong dataLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[34..]);
        if ((ulong)NameOffset + nameLength + dataLength > (ulong)bytes.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> nameBytes = bytes.Slice(NameOffset, (int)nameLength);
        int terminator = nameBytes.IndexOf((byte)0);
        name = Encoding.UTF8.GetString(terminator < 0 ? nameBytes : nameBytes[..terminator]);
        int dataStart = NameOffset + (int)nameLength;
        data = dataStart..(dataStart + (int)dataLength);
        return true;
    }

    /// <summary>Encodes a well-formed async event.</summary>
    public static byte[] Encode(string name, ReadOnlySpan<byte> data, uint pluginId, ulong timestamp, ulong threadId)
    {
        int nameLength = Encoding.UTF8.GetByteCount(name) + 1;
        byte[] bytes = new byte[NameOffset + nameLength + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, timestamp);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), threadId);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), AbiConstants.AsyncEventCode);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), ParamCount);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(26), sizeof(uint));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(30), (uint)nameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(34), (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(PluginIdOffset), pluginId);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(NameOffset));
        data.CopyTo(bytes.AsSpan(NameOffset + nameLength));
        return bytes;
    }
}

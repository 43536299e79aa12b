using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>
/// The json parameter of <c>PPME_CONTAINER_JSON_E</c>, built from the id, type, name and image
/// parameters of an old <c>PPME_CONTAINER_E</c> event, as libscap's converter builds it
/// (values inserted as they are, unescaped).
/// </summary>
internal static class ContainerJsonParam
{
    /// <summary>Builds the NUL-terminated JSON; null when the old event lacks a parameter or its type is not 4 bytes.</summary>
    public static byte[]? Build(RawEvent old)
    {
        if (old.ParamCount < 4 || old.Param(1).Length != sizeof(uint))
        {
            return null;
        }

        uint type = BinaryPrimitives.ReadUInt32LittleEndian(old.Param(1));
        string json = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"id\":\"{Text(old.Param(0))}\",\"type\":{type},\"name\":\"{Text(old.Param(2))}\",\"image\":\"{Text(old.Param(3))}\"}}\0");
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>A string parameter without its terminating NUL.</summary>
    private static string Text(ReadOnlySpan<byte> value)
    {
        int end = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? value[..end] : value);
    }
}

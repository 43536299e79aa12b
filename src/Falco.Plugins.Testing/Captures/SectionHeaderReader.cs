using System;
using System.Globalization;

namespace Falco.Plugins.Testing.Captures;

/// <summary>The section header block that opens every capture: byte-order magic and format version.</summary>
internal static class SectionHeaderReader
{
    /// <summary>The byte-order magic as a little-endian capture stores it.</summary>
    public const uint ByteOrderMagic = 0x1A2B3C4D;

    /// <summary>The newest major version of the format libscap (and this reader) understands.</summary>
    public const ushort MajorVersion = 1;

    /// <summary>The minor version libscap writes today.</summary>
    public const ushort MinorVersion = 2;

    private const uint SwappedByteOrderMagic = 0x4D3C2B1A;

    /// <summary>Reads the format version of a section header block.</summary>
    /// <exception cref="CaptureFileException">The block is not a valid section header.</exception>
    public static Version Read(CaptureBlock block)
    {
        BlockCursor cursor = block.Cursor("section header");
        uint magic = cursor.U32();
        ushort major = cursor.U16();
        ushort minor = cursor.U16();
        cursor.U64();
        if (magic == SwappedByteOrderMagic)
        {
            throw new CaptureFileException("the capture was written on a big-endian machine, which libscap does not read", block.BodyOffset);
        }

        if (magic != ByteOrderMagic)
        {
            throw new CaptureFileException(string.Create(CultureInfo.InvariantCulture, $"invalid byte-order magic 0x{magic:X8}"), block.BodyOffset);
        }

        if (major > MajorVersion)
        {
            throw new CaptureFileException(
                string.Create(CultureInfo.InvariantCulture, $"format version {major}.{minor} is newer than this reader understands ({MajorVersion}.x)"),
                block.BodyOffset + 4);
        }

        return new Version(major, minor);
    }
}

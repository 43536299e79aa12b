using System;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// One block of a capture: its type, where it starts, and its body (what lies between the
/// 8-byte header and the 4-byte trailer, padding included). The body is valid until the
/// reader reads the next block.
/// </summary>
/// <param name="Type">The block type.</param>
/// <param name="Offset">Where the block header starts in the decompressed capture.</param>
/// <param name="Body">The body.</param>
internal readonly record struct CaptureBlock(uint Type, long Offset, ReadOnlyMemory<byte> Body)
{
    /// <summary>The size of the block header: type and total length, both u32.</summary>
    public const int HeaderSize = 8;

    /// <summary>The size of the trailer: the total length again.</summary>
    public const int TrailerSize = 4;

    /// <summary>Where the body starts in the decompressed capture.</summary>
    public long BodyOffset => Offset + HeaderSize;

    /// <summary>A cursor over the body for bounds-checked reads.</summary>
    public BlockCursor Cursor(string what) => new(Body.Span, BodyOffset, what);
}

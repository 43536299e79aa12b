using System.IO;
using System.IO.Compression;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The bytes of a capture, decompressed when the file is gzip-compressed: libscap reads every
/// capture through zlib's gzread, which passes plain files through, so both kinds are valid.
/// </summary>
internal static class CaptureInput
{
    private const byte GzipMagic1 = 0x1F;
    private const byte GzipMagic2 = 0x8B;

    /// <summary>Wraps <paramref name="stream"/> so that reading it yields the decompressed capture.</summary>
    /// <param name="stream">The file's bytes, read from the current position.</param>
    /// <param name="leaveOpen">Whether disposing the result leaves <paramref name="stream"/> open.</param>
    /// <param name="compressed">Whether the bytes are gzip-compressed.</param>
    public static Stream Open(Stream stream, bool leaveOpen, out bool compressed)
    {
        byte[] magic = new byte[2];
        int read = ReadUpTo(stream, magic);
        compressed = read == 2 && magic[0] == GzipMagic1 && magic[1] == GzipMagic2;
        Stream whole;
        if (stream.CanSeek)
        {
            stream.Seek(-read, SeekOrigin.Current);
            whole = leaveOpen ? new PrefixedReadStream([], stream, leaveOpen: true) : stream;
        }
        else
        {
            whole = new PrefixedReadStream(magic[..read], stream, leaveOpen);
        }

        return compressed ? new GZipStream(whole, CompressionMode.Decompress, leaveOpen: false) : whole;
    }

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}

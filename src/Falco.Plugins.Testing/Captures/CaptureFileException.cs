using System;
using System.Globalization;

namespace Falco.Plugins.Testing;

/// <summary>
/// A capture file is malformed or truncated, or its stream failed. The message says what was
/// wrong and <see cref="Offset"/> where: offsets count the bytes of the capture after
/// decompression, so they match what <c>zcat</c> shows for a gzip-compressed file.
/// </summary>
public sealed class CaptureFileException : PluginHostException
{
    /// <summary>Creates the exception without a position.</summary>
    public CaptureFileException()
    {
    }

    /// <summary>Creates the exception with a message and no position.</summary>
    public CaptureFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message, its cause and no position.</summary>
    public CaptureFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for what is wrong at <paramref name="offset"/>.</summary>
    /// <param name="reason">What is wrong, without the position.</param>
    /// <param name="offset">Where, in bytes from the start of the (decompressed) capture.</param>
    /// <param name="innerException">The stream error behind it, if any.</param>
    public CaptureFileException(string reason, long offset, Exception? innerException = null)
        : base(Describe(reason, offset), innerException!)
    {
        Offset = offset;
    }

    /// <summary>Where the problem is, in bytes from the start of the decompressed capture; -1 when not known.</summary>
    public long Offset { get; } = -1;

    private static string Describe(string reason, long offset) =>
        string.Create(CultureInfo.InvariantCulture, $"invalid capture file at offset {offset}: {reason}");
}

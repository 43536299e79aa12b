using System;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// A byte buffer as libsinsp prints it by default: printable ASCII as is, every other byte as
/// <c>.</c>, and a buffer longer than the limit cut to the limit with its last three characters
/// made <c>...</c>.
/// </summary>
internal static class BufferText
{
    private const string Ellipsis = "...";

    public static void Append(ref TextBuffer text, scoped ReadOnlySpan<byte> bytes, int maxLength)
    {
        bool cut = maxLength > 0 && bytes.Length > maxLength;
        int shown = cut ? Math.Max(maxLength - Ellipsis.Length, 0) : bytes.Length;
        foreach (byte b in bytes.Slice(0, shown))
        {
            text.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        }

        if (cut)
        {
            text.Append(Ellipsis.AsSpan(0, Math.Min(Ellipsis.Length, maxLength)));
        }
    }
}

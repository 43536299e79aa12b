using System;

namespace Falco.Plugins.Syscalls;

/// <summary>C strings inside parameters.</summary>
internal static class Utf8Strings
{
    /// <summary>The bytes before the first NUL, or all of them when there is none.</summary>
    public static ReadOnlySpan<byte> UntilNul(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes.Slice(0, nul);
    }

    /// <summary>The string of a <c>PT_CHARBUF</c>-like parameter: the bytes before the first NUL; false when there is no NUL.</summary>
    public static bool TryReadTerminated(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> text)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul < 0)
        {
            text = default;
            return false;
        }

        text = bytes.Slice(0, nul);
        return true;
    }
}

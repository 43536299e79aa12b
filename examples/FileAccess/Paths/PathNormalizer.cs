using System;

namespace Falco.Plugins.Examples.FileAccess.Paths;

/// <summary>
/// Makes a path absolute and removes <c>.</c>, <c>..</c> and repeated slashes, by text alone as
/// libsinsp does for <c>fd.name</c>: <c>/tmp/../etc//shadow</c> is <c>/etc/shadow</c>, so a
/// rule on <c>/etc/shadow</c> cannot be walked around. Symbolic links are not followed.
/// </summary>
internal static class PathNormalizer
{
    /// <summary>
    /// Writes <paramref name="path"/>, taken relative to <paramref name="directory"/> unless it is
    /// absolute, in normal form into <paramref name="destination"/>.
    /// </summary>
    /// <param name="directory">An absolute directory; ignored when <paramref name="path"/> is absolute.</param>
    /// <param name="path">The path.</param>
    /// <param name="destination">Where the result goes.</param>
    /// <param name="written">The length of the result.</param>
    /// <returns><see langword="false"/> when the result would be relative or does not fit.</returns>
    public static bool TryNormalize(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> path, Span<byte> destination, out int written)
    {
        written = 0;
        bool absolute = !path.IsEmpty && path[0] == (byte)'/';
        if ((!absolute && (directory.IsEmpty || directory[0] != (byte)'/')) || destination.IsEmpty)
        {
            return false;
        }

        destination[0] = (byte)'/';
        written = 1;
        if ((!absolute && !Append(directory, destination, ref written)) || !Append(path, destination, ref written))
        {
            written = 0;
            return false;
        }

        return true;
    }

    /// <summary>Appends the components of <paramref name="path"/> to the normal path of <paramref name="length"/> bytes.</summary>
    private static bool Append(ReadOnlySpan<byte> path, Span<byte> destination, ref int length)
    {
        while (!path.IsEmpty)
        {
            int slash = path.IndexOf((byte)'/');
            ReadOnlySpan<byte> component = slash < 0 ? path : path[..slash];
            path = slash < 0 ? default : path[(slash + 1)..];
            if (component.IsEmpty || component.SequenceEqual("."u8))
            {
                continue;
            }

            if (component.SequenceEqual(".."u8))
            {
                // Back to the previous slash; the root stays.
                length = Math.Max(1, destination[..length].LastIndexOf((byte)'/'));
                continue;
            }

            int needed = (length > 1 ? 1 : 0) + component.Length;
            if (destination.Length - length < needed)
            {
                return false;
            }

            if (length > 1)
            {
                destination[length++] = (byte)'/';
            }

            component.CopyTo(destination[length..]);
            length += component.Length;
        }

        return true;
    }
}

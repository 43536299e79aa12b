namespace Falco.Plugins.Examples.FileAccess.Events;

/// <summary>The open flags of libscap events (PPM_O_*, not the kernel's O_* numbers) that ask to write or create a file.</summary>
internal static class OpenFlags
{
    private const uint WriteOnly = 1 << 1; // also set in O_RDWR (3)
    private const uint Create = 1 << 2;
    private const uint Append = 1 << 3;
    private const uint Truncate = 1 << 8;
    private const uint TemporaryFile = 1 << 13;

    private const uint Writing = WriteOnly | Create | Append | Truncate | TemporaryFile;

    /// <summary>Whether <paramref name="flags"/> open the file for writing or create it.</summary>
    public static bool AskToWrite(uint flags) => (flags & Writing) != 0;
}

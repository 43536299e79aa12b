using System;

namespace Falco.Plugins.Syscalls;

/// <summary>What the typed views' <c>Encode</c> methods share.</summary>
internal static class EventEncoding
{
    /// <summary>The size a measuring writer added up; throws when the event cannot be encoded.</summary>
    /// <exception cref="ArgumentException">A value is too long for its length entry.</exception>
    public static int CheckedLength(ref EventWriter measured, string enumName)
    {
        if (!measured.TryComplete(out int length))
        {
            throw new ArgumentException($"{enumName}: a parameter is too long for its length entry (65535 bytes, or 4 GiB for large-payload events).");
        }

        return length;
    }
}

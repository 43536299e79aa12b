using System;

namespace Falco.Plugins.Examples.FileAccess.Events;

/// <summary>What the plugin reads from any of the exit events it handles: the path, how it was asked for, and whether the call succeeded.</summary>
internal readonly ref struct FileAccessEvent
{
    public FileAccessEvent(ReadOnlySpan<byte> path, long dirfd, bool succeeded, bool? write)
    {
        Path = path;
        DirFd = dirfd;
        Succeeded = succeeded;
        Write = write;
    }

    /// <summary>The path as the syscall received it; empty when the event carries none.</summary>
    public ReadOnlySpan<byte> Path { get; }

    /// <summary>The directory descriptor a relative path starts from (AT_FDCWD for the working directory).</summary>
    public long DirFd { get; }

    /// <summary>Whether the call succeeded: a descriptor was returned, or execve returned 0.</summary>
    public bool Succeeded { get; }

    /// <summary>Whether the call asked to write or create the file; <see langword="null"/> for execve.</summary>
    public bool? Write { get; }
}

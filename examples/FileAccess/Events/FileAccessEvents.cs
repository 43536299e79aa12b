using System;
using Falco.Plugins.Examples.FileAccess.Paths;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Examples.FileAccess.Events;

/// <summary>
/// Reads each handled exit event into a <see cref="FileAccessEvent"/>, without allocating. The
/// typed views are those of the current event versions, which is what libsinsp delivers:
/// it converts older versions read from capture files. Note the SDK's naming of two of them:
/// <see cref="SyscallOpenat2Exit"/> is the second version of the openat event
/// (PPME_SYSCALL_OPENAT_2_X), <see cref="SyscallOpenat2Exit327"/> the openat2 syscall.
/// </summary>
internal static class FileAccessEvents
{
    /// <summary>open.</summary>
    public static FileAccessEvent From(SyscallOpenExit evt) =>
        new(evt.Name, PathResolver.AtFdCwd, evt.Fd >= 0, OpenFlags.AskToWrite(evt.Flags.Value));

    /// <summary>openat.</summary>
    public static FileAccessEvent From(SyscallOpenat2Exit evt) =>
        new(evt.Name, evt.Dirfd, evt.Fd >= 0, OpenFlags.AskToWrite(evt.Flags.Value));

    /// <summary>openat2.</summary>
    public static FileAccessEvent From(SyscallOpenat2Exit327 evt) =>
        new(evt.Name, evt.Dirfd, evt.Fd >= 0, OpenFlags.AskToWrite(evt.Flags.Value));

    /// <summary>creat, which always opens for writing.</summary>
    public static FileAccessEvent From(SyscallCreatExit evt) =>
        new(evt.Name, PathResolver.AtFdCwd, evt.Fd >= 0, write: true);

    /// <summary>
    /// execve: the executable as the kernel resolved it (<c>trusted_exepath</c>), else the
    /// filename the call was given, else the <c>exe</c> parameter (argv[0]).
    /// </summary>
    public static FileAccessEvent From(SyscallExecve19Exit evt)
    {
        ReadOnlySpan<byte> path = evt.TrustedExepath;
        if (path.IsEmpty)
        {
            path = evt.Filename;
        }

        if (path.IsEmpty)
        {
            path = evt.Exe;
        }

        return new(path, PathResolver.AtFdCwd, evt.Res == 0, write: null);
    }
}

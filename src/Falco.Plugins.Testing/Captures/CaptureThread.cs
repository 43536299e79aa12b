using System.Collections.Generic;

namespace Falco.Plugins.Testing;

/// <summary>
/// A thread of a capture's process list (libscap's <c>scap_threadinfo</c>), with its file
/// descriptors from the fd list blocks. Fields that the block version does not carry keep
/// libscap's defaults (-1 for ids, <see cref="uint.MaxValue"/> for the login uid, 0 or empty otherwise).
/// </summary>
public sealed record CaptureThread
{
    /// <summary>The thread id.</summary>
    public long Tid { get; init; }

    /// <summary>The process id.</summary>
    public long Pid { get; init; }

    /// <summary>The parent thread id.</summary>
    public long Ptid { get; init; }

    /// <summary>The session id (process list version 6 and later).</summary>
    public long Sid { get; init; } = -1;

    /// <summary>The process group id in the thread's pid namespace (version 8 and later).</summary>
    public long Vpgid { get; init; } = -1;

    /// <summary>The process group id (newest version 9 entries).</summary>
    public long Pgid { get; init; } = -1;

    /// <summary>The command name.</summary>
    public string Comm { get; init; } = "";

    /// <summary>argv[0].</summary>
    public string Exe { get; init; } = "";

    /// <summary>The executable path (version 7 and later).</summary>
    public string ExePath { get; init; } = "";

    /// <summary>The arguments after argv[0].</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The working directory.</summary>
    public string Cwd { get; init; } = "";

    /// <summary>The file descriptor limit.</summary>
    public long FdLimit { get; init; }

    /// <summary>The PPM_CL_* flags.</summary>
    public uint Flags { get; init; }

    /// <summary>The user id.</summary>
    public uint Uid { get; init; }

    /// <summary>The group id.</summary>
    public uint Gid { get; init; }

    /// <summary>The virtual memory size in KiB (version 2 and later).</summary>
    public uint VmSizeKb { get; init; }

    /// <summary>The resident set size in KiB (version 2 and later).</summary>
    public uint VmRssKb { get; init; }

    /// <summary>The swapped memory in KiB (version 2 and later).</summary>
    public uint VmSwapKb { get; init; }

    /// <summary>The major page faults (version 2 and later).</summary>
    public ulong PageFaultsMajor { get; init; }

    /// <summary>The minor page faults (version 2 and later).</summary>
    public ulong PageFaultsMinor { get; init; }

    /// <summary>The environment, <c>NAME=value</c> strings (version 3 and later).</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>The thread id in its pid namespace (version 4 and later).</summary>
    public long Vtid { get; init; } = -1;

    /// <summary>The process id in its pid namespace (version 4 and later).</summary>
    public long Vpid { get; init; } = -1;

    /// <summary>The cgroups as (subsystem, path) pairs (version 4 and later).</summary>
    public IReadOnlyList<(string Subsystem, string Path)> Cgroups { get; init; } = [];

    /// <summary>The root directory (version 5 and later).</summary>
    public string Root { get; init; } = "";

    /// <summary>When the init process of the thread's pid namespace started, in nanoseconds.</summary>
    public ulong PidNamespaceInitStart { get; init; }

    /// <summary>The controlling terminal.</summary>
    public uint Tty { get; init; }

    /// <summary>The login user id.</summary>
    public uint LoginUid { get; init; } = uint.MaxValue;

    /// <summary>Whether the executable is writable by the user.</summary>
    public bool ExeWritable { get; init; }

    /// <summary>The inheritable capabilities.</summary>
    public ulong CapInheritable { get; init; }

    /// <summary>The permitted capabilities.</summary>
    public ulong CapPermitted { get; init; }

    /// <summary>The effective capabilities.</summary>
    public ulong CapEffective { get; init; }

    /// <summary>Whether the executable lives in the upper layer of an overlay file system.</summary>
    public bool ExeUpperLayer { get; init; }

    /// <summary>Whether the executable lives in a lower layer of an overlay file system.</summary>
    public bool ExeLowerLayer { get; init; }

    /// <summary>Whether the executable was run from a memfd.</summary>
    public bool ExeFromMemfd { get; init; }

    /// <summary>The executable's inode.</summary>
    public ulong ExeIno { get; init; }

    /// <summary>The executable inode's change time, in nanoseconds.</summary>
    public ulong ExeInoCtime { get; init; }

    /// <summary>The executable inode's modification time, in nanoseconds.</summary>
    public ulong ExeInoMtime { get; init; }

    /// <summary>The file descriptors the fd list blocks give for this thread, in file order.</summary>
    public IReadOnlyList<CaptureFd> Fds { get; init; } = [];

    /// <summary>Whether this is the main thread of its process.</summary>
    public bool IsMainThread => Tid == Pid;

    /// <inheritdoc />
    public override string ToString() => $"thread {Tid} ({Comm})";
}

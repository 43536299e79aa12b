using System;
using Falco.Plugins.Examples.FileAccess.Events;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Examples.FileAccess;

/// <summary>The fields that describe the access itself: one overload per handled event type.</summary>
public sealed partial class FileAccessPlugin
{
    private const string PathDescription = "The file opened, created or executed: absolute and normalized (relative paths are resolved from the thread's working directory or the dirfd's directory)";
    private const string ClassDescription = "The class of the file, from the first path rule its path matches (e.g. credentials, ssh, binaries, temporary, other)";
    private const string SensitiveDescription = "Whether the file's class is one of the configured sensitive classes";
    private const string WriteDescription = "Whether the open flags ask to write, create, truncate or append (always true for creat); absent for execve";

    /// <summary>The path of an open call.</summary>
    [Field("fileaccess.path", PathDescription)]
    public bool Path(ref ExtractContext context, SyscallOpenExit evt, out ReadOnlySpan<byte> path) => TryPath(ref context, FileAccessEvents.From(evt), out path);

    /// <summary>The path of an openat call.</summary>
    [Field("fileaccess.path", PathDescription)]
    public bool Path(ref ExtractContext context, SyscallOpenat2Exit evt, out ReadOnlySpan<byte> path) => TryPath(ref context, FileAccessEvents.From(evt), out path);

    /// <summary>The path of an openat2 call.</summary>
    [Field("fileaccess.path", PathDescription)]
    public bool Path(ref ExtractContext context, SyscallOpenat2Exit327 evt, out ReadOnlySpan<byte> path) => TryPath(ref context, FileAccessEvents.From(evt), out path);

    /// <summary>The path of a creat call.</summary>
    [Field("fileaccess.path", PathDescription)]
    public bool Path(ref ExtractContext context, SyscallCreatExit evt, out ReadOnlySpan<byte> path) => TryPath(ref context, FileAccessEvents.From(evt), out path);

    /// <summary>The executable of an execve call.</summary>
    [Field("fileaccess.path", PathDescription)]
    public bool Path(ref ExtractContext context, SyscallExecve19Exit evt, out ReadOnlySpan<byte> path) => TryPath(ref context, FileAccessEvents.From(evt), out path);

    /// <summary>The class of the file of an open call.</summary>
    [Field("fileaccess.class", ClassDescription)]
    public bool Class(ref ExtractContext context, SyscallOpenExit evt, out ReadOnlySpan<byte> name) => TryClassName(ref context, FileAccessEvents.From(evt), out name);

    /// <summary>The class of the file of an openat call.</summary>
    [Field("fileaccess.class", ClassDescription)]
    public bool Class(ref ExtractContext context, SyscallOpenat2Exit evt, out ReadOnlySpan<byte> name) => TryClassName(ref context, FileAccessEvents.From(evt), out name);

    /// <summary>The class of the file of an openat2 call.</summary>
    [Field("fileaccess.class", ClassDescription)]
    public bool Class(ref ExtractContext context, SyscallOpenat2Exit327 evt, out ReadOnlySpan<byte> name) => TryClassName(ref context, FileAccessEvents.From(evt), out name);

    /// <summary>The class of the file of a creat call.</summary>
    [Field("fileaccess.class", ClassDescription)]
    public bool Class(ref ExtractContext context, SyscallCreatExit evt, out ReadOnlySpan<byte> name) => TryClassName(ref context, FileAccessEvents.From(evt), out name);

    /// <summary>The class of the executable of an execve call.</summary>
    [Field("fileaccess.class", ClassDescription)]
    public bool Class(ref ExtractContext context, SyscallExecve19Exit evt, out ReadOnlySpan<byte> name) => TryClassName(ref context, FileAccessEvents.From(evt), out name);

    /// <summary>Whether the file of an open call is sensitive.</summary>
    [Field("fileaccess.sensitive", SensitiveDescription)]
    public bool? Sensitive(ref ExtractContext context, SyscallOpenExit evt) => IsSensitive(ref context, FileAccessEvents.From(evt));

    /// <summary>Whether the file of an openat call is sensitive.</summary>
    [Field("fileaccess.sensitive", SensitiveDescription)]
    public bool? Sensitive(ref ExtractContext context, SyscallOpenat2Exit evt) => IsSensitive(ref context, FileAccessEvents.From(evt));

    /// <summary>Whether the file of an openat2 call is sensitive.</summary>
    [Field("fileaccess.sensitive", SensitiveDescription)]
    public bool? Sensitive(ref ExtractContext context, SyscallOpenat2Exit327 evt) => IsSensitive(ref context, FileAccessEvents.From(evt));

    /// <summary>Whether the file of a creat call is sensitive.</summary>
    [Field("fileaccess.sensitive", SensitiveDescription)]
    public bool? Sensitive(ref ExtractContext context, SyscallCreatExit evt) => IsSensitive(ref context, FileAccessEvents.From(evt));

    /// <summary>Whether the executable of an execve call is sensitive.</summary>
    [Field("fileaccess.sensitive", SensitiveDescription)]
    public bool? Sensitive(ref ExtractContext context, SyscallExecve19Exit evt) => IsSensitive(ref context, FileAccessEvents.From(evt));

    /// <summary>Whether an open call asked to write.</summary>
    [Field("fileaccess.write", WriteDescription)]
    public static bool Write(ref ExtractContext context, SyscallOpenExit evt) => FileAccessEvents.From(evt).Write == true;

    /// <summary>Whether an openat call asked to write.</summary>
    [Field("fileaccess.write", WriteDescription)]
    public static bool Write(ref ExtractContext context, SyscallOpenat2Exit evt) => FileAccessEvents.From(evt).Write == true;

    /// <summary>Whether an openat2 call asked to write.</summary>
    [Field("fileaccess.write", WriteDescription)]
    public static bool Write(ref ExtractContext context, SyscallOpenat2Exit327 evt) => FileAccessEvents.From(evt).Write == true;

    /// <summary>A creat call always writes.</summary>
    [Field("fileaccess.write", WriteDescription)]
    public static bool Write(ref ExtractContext context, SyscallCreatExit evt) => FileAccessEvents.From(evt).Write == true;

    private bool TryPath(ref ExtractContext context, FileAccessEvent access, out ReadOnlySpan<byte> path)
    {
        if (access.Path.IsEmpty)
        {
            path = default;
            return false;
        }

        path = _resolver.Resolve(context.Tables, (long)context.Event.ThreadId, access.DirFd, access.Path, _extractPath);
        return true;
    }

    private bool TryClassName(ref ExtractContext context, FileAccessEvent access, out ReadOnlySpan<byte> name)
    {
        if (!TryPath(ref context, access, out ReadOnlySpan<byte> path))
        {
            name = default;
            return false;
        }

        name = _classifier.Classes.Utf8Name(_classifier.Classify(path));
        return true;
    }

    private bool? IsSensitive(ref ExtractContext context, FileAccessEvent access) =>
        TryPath(ref context, access, out ReadOnlySpan<byte> path) ? _classifier.Classes.IsSensitive(_classifier.Classify(path)) : null;
}

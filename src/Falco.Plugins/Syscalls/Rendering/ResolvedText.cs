namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// Numbers libsinsp follows with a name: errno results (<c>-2(ENOENT)</c>), fds
/// (<c>-100(AT_FDCWD)</c>, or what the fd table says), pids (the thread's command), uids and gids
/// (user and group names), signals (<c>9(SIGKILL)</c>). Names from state come from
/// <see cref="IEventNameResolver"/>; without one, only the names the number itself gives.
/// </summary>
internal static class ResolvedText
{
    private const long AtFdCwd = -100;

    public static bool TryAppend(ref TextBuffer text, SyscallParameter p, ParamType type, ulong threadId, IEventNameResolver? names)
    {
        switch (type)
        {
            case ParamType.Errno when p.TryGetInt64(out long result):
                text.Append(result);
                AppendResolved(ref text, ErrnoNames.Of(result));
                return true;
            case ParamType.Fd when p.TryGetInt64(out long fd):
                AppendFd(ref text, fd, threadId, names);
                return true;
            case ParamType.Fd32 when p.TryGetInt32(out int fd32):
                AppendFd(ref text, fd32, threadId, names);
                return true;
            case ParamType.Pid when p.TryGetInt64(out long pid):
                AppendPid(ref text, pid, names);
                return true;
            case ParamType.Pid32 when p.TryGetInt32(out int pid32):
                AppendPid(ref text, pid32, names);
                return true;
            case ParamType.Uid or ParamType.Gid when p.TryGetUInt32(out uint id):
                AppendUserOrGroup(ref text, id, type == ParamType.Uid, threadId, names);
                return true;
            case ParamType.SigType when p.TryGetUInt8(out byte signal):
                text.Append(signal);
                AppendResolved(ref text, SignalNames.Of(signal));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A name in parentheses after a value; nothing when there is none.</summary>
    public static void AppendResolved(ref TextBuffer text, string? resolved)
    {
        if (!string.IsNullOrEmpty(resolved))
        {
            text.Append('(');
            text.AppendSanitized(resolved);
            text.Append(')');
        }
    }

    /// <summary>libsinsp's <c>render_fd</c>: the number, then what the fd table says, <c>AT_FDCWD</c>, or the errno of a negative value.</summary>
    private static void AppendFd(ref TextBuffer text, long fd, ulong threadId, IEventNameResolver? names)
    {
        text.Append(fd);
        if (fd < 0)
        {
            AppendResolved(ref text, fd == AtFdCwd ? "AT_FDCWD" : ErrnoNames.Of(fd));
            return;
        }

        if (names is not null && names.TryGetFd(threadId, fd, out FdDescription description))
        {
            text.Append("(<");
            AppendTypeChar(ref text, description.TypeChar);
            AppendTypeChar(ref text, description.ProtocolChar);
            text.Append('>');
            text.AppendSanitized(description.Name);
            text.Append(')');
        }
    }

    private static void AppendPid(ref TextBuffer text, long pid, IEventNameResolver? names)
    {
        text.Append(pid);
        if (names is not null && names.TryGetThreadName(pid, out string? name))
        {
            AppendResolved(ref text, name);
        }
    }

    /// <summary>A uid or gid and its name; the all-ones id means none, <c>-1(&lt;NONE&gt;)</c>.</summary>
    private static void AppendUserOrGroup(ref TextBuffer text, uint id, bool user, ulong threadId, IEventNameResolver? names)
    {
        if (id == uint.MaxValue)
        {
            text.Append("-1(<NONE>)");
            return;
        }

        text.Append(id);
        string? name = null;
        if (names is not null && (user ? names.TryGetUserName(threadId, id, out name) : names.TryGetGroupName(threadId, id, out name)))
        {
            AppendResolved(ref text, name);
        }
    }

    private static void AppendTypeChar(ref TextBuffer text, char c)
    {
        if (c != '\0')
        {
            text.Append(char.IsControl(c) ? '.' : c);
        }
    }
}

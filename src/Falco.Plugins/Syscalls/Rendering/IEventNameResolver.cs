using System.Diagnostics.CodeAnalysis;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// Names that an event alone does not carry and libsinsp takes from its thread and fd tables:
/// what a file descriptor is, the command of a thread, user and group names. Give one to
/// <see cref="EventRenderOptions.Names"/> to have them rendered in parentheses after the
/// numbers; without it, only what the event carries is shown. Rendering calls it on the thread
/// that renders, and expects it not to allocate on hot paths (return stored strings).
/// </summary>
public interface IEventNameResolver
{
    /// <summary>What <paramref name="fd"/> of thread <paramref name="threadId"/> (the event's thread) is.</summary>
    /// <returns><see langword="false"/> when the fd is not known.</returns>
    bool TryGetFd(ulong threadId, long fd, out FdDescription description);

    /// <summary>The command (<c>comm</c>) of thread <paramref name="threadId"/>, for pid parameters.</summary>
    /// <returns><see langword="false"/> when the thread is not known (the default).</returns>
    bool TryGetThreadName(long threadId, [NotNullWhen(true)] out string? name)
    {
        name = null;
        return false;
    }

    /// <summary>The name of user <paramref name="uid"/> as seen by thread <paramref name="threadId"/> (its container), for uid parameters.</summary>
    /// <returns><see langword="false"/> when the user is not known (the default).</returns>
    bool TryGetUserName(ulong threadId, uint uid, [NotNullWhen(true)] out string? name)
    {
        name = null;
        return false;
    }

    /// <summary>The name of group <paramref name="gid"/> as seen by thread <paramref name="threadId"/> (its container), for gid parameters.</summary>
    /// <returns><see langword="false"/> when the group is not known (the default).</returns>
    bool TryGetGroupName(ulong threadId, uint gid, [NotNullWhen(true)] out string? name)
    {
        name = null;
        return false;
    }
}

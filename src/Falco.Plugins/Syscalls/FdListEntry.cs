namespace Falco.Plugins.Syscalls;

/// <summary>One entry of a <see cref="FdList"/>: a file descriptor and its flags (for poll, the <c>PPM_POLL*</c> events).</summary>
/// <param name="Fd">The file descriptor.</param>
/// <param name="Flags">The flags of the descriptor.</param>
public readonly record struct FdListEntry(long Fd, ushort Flags);

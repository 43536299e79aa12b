using System;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// Where an event comes from: the high bits of libscap's <c>ppm_event_category</c>
/// (<c>EC_SYSCALL</c>, <c>EC_TRACEPOINT</c>, ...), with the same numbers.
/// </summary>
[Flags]
public enum EventOrigin
{
    /// <summary>No origin bit (unused codes).</summary>
    None = 0,

    /// <summary><c>EC_SYSCALL</c>: a system call.</summary>
    Syscall = 512,

    /// <summary><c>EC_TRACEPOINT</c>: a kernel tracepoint.</summary>
    Tracepoint = 1024,

    /// <summary><c>EC_PLUGIN</c>: a plugin.</summary>
    Plugin = 2048,

    /// <summary><c>EC_METAEVENT</c>: an event the framework makes up (async events, state dumps).</summary>
    Metaevent = 4096,

    /// <summary><c>EC_ITER</c>: a BPF iterator over kernel state.</summary>
    Iter = 8192,
}

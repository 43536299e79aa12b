namespace Falco.Plugins.Syscalls;

/// <summary>
/// What an event is about: the low bits of libscap's <c>ppm_event_category</c> (<c>EC_*</c>),
/// with the same numbers. The high bits are <see cref="EventOrigin"/>.
/// </summary>
public enum EventCategory
{
    /// <summary><c>EC_UNKNOWN</c>.</summary>
    Unknown = 0,

    /// <summary><c>EC_OTHER</c>.</summary>
    Other = 1,

    /// <summary><c>EC_FILE</c>.</summary>
    File = 2,

    /// <summary><c>EC_NET</c>.</summary>
    Net = 3,

    /// <summary><c>EC_IPC</c>.</summary>
    Ipc = 4,

    /// <summary><c>EC_MEMORY</c>.</summary>
    Memory = 5,

    /// <summary><c>EC_PROCESS</c>.</summary>
    Process = 6,

    /// <summary><c>EC_SLEEP</c>.</summary>
    Sleep = 7,

    /// <summary><c>EC_SYSTEM</c>.</summary>
    System = 8,

    /// <summary><c>EC_SIGNAL</c>.</summary>
    Signal = 9,

    /// <summary><c>EC_USER</c>.</summary>
    User = 10,

    /// <summary><c>EC_TIME</c>.</summary>
    Time = 11,

    /// <summary><c>EC_PROCESSING</c>.</summary>
    Processing = 12,

    /// <summary><c>EC_IO_READ</c> (also <c>EC_IO_BASE</c>).</summary>
    IoRead = 32,

    /// <summary><c>EC_IO_WRITE</c>.</summary>
    IoWrite = 33,

    /// <summary><c>EC_IO_OTHER</c>.</summary>
    IoOther = 34,

    /// <summary><c>EC_WAIT</c>.</summary>
    Wait = 64,

    /// <summary><c>EC_SCHEDULER</c>.</summary>
    Scheduler = 128,

    /// <summary><c>EC_INTERNAL</c>.</summary>
    Internal = 256,
}

using System;

namespace Falco.Plugins.Syscalls;

/// <summary>Properties of an event code: libscap's <c>ppm_event_flags</c> (<c>EF_*</c>), with the same bits.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The name of libscap's ppm_event_flags, which readers of the event table know.")]
public enum EventFlags
{
    /// <summary><c>EF_NONE</c>.</summary>
    None = 0,

    /// <summary><c>EF_CREATES_FD</c>: the event creates a file descriptor.</summary>
    CreatesFd = 1,

    /// <summary><c>EF_DESTROYS_FD</c>: the event closes a file descriptor.</summary>
    DestroysFd = 2,

    /// <summary><c>EF_USES_FD</c>: the event operates on a file descriptor.</summary>
    UsesFd = 4,

    /// <summary><c>EF_READS_FROM_FD</c>: the event reads from a file descriptor.</summary>
    ReadsFromFd = 8,

    /// <summary><c>EF_WRITES_TO_FD</c>: the event writes to a file descriptor.</summary>
    WritesToFd = 16,

    /// <summary><c>EF_MODIFIES_STATE</c>: the event changes the state libsinsp tracks.</summary>
    ModifiesState = 32,

    /// <summary><c>EF_UNUSED</c>: the code exists only to keep enter and exit codes paired.</summary>
    Unused = 64,

    /// <summary><c>EF_WAITS</c>: the system call waits.</summary>
    Waits = 128,

    /// <summary><c>EF_SKIPPARSERESET</c>: libsinsp does not reset its parser state for the event.</summary>
    SkipParseReset = 256,

    /// <summary><c>EF_OLD_VERSION</c>: an older layout that still occurs in old captures.</summary>
    OldVersion = 512,

    /// <summary><c>EF_LARGE_PAYLOAD</c>: parameter lengths take 4 bytes instead of 2.</summary>
    LargePayload = 2048,

    /// <summary><c>EF_CONVERTER_MANAGED</c>: libscap converts old versions of the event to this one.</summary>
    ConverterManaged = 4096,
}

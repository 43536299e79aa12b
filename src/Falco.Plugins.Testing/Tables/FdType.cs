namespace Falco.Plugins.Testing;

/// <summary>
/// The kind of a file descriptor (libscap's <c>scap_fd_type</c>), as the uint8 the
/// <c>file_descriptors</c> field <c>type</c> holds.
/// </summary>
public enum FdType : byte
{
    /// <summary>SCAP_FD_UNKNOWN.</summary>
    Unknown = 0,

    /// <summary>SCAP_FD_FILE.</summary>
    File = 1,

    /// <summary>SCAP_FD_DIRECTORY.</summary>
    Directory = 2,

    /// <summary>SCAP_FD_IPV4_SOCK.</summary>
    Ipv4Socket = 3,

    /// <summary>SCAP_FD_IPV6_SOCK.</summary>
    Ipv6Socket = 4,

    /// <summary>SCAP_FD_IPV4_SERVSOCK.</summary>
    Ipv4ServerSocket = 5,

    /// <summary>SCAP_FD_IPV6_SERVSOCK.</summary>
    Ipv6ServerSocket = 6,

    /// <summary>SCAP_FD_FIFO.</summary>
    Fifo = 7,

    /// <summary>SCAP_FD_UNIX_SOCK.</summary>
    UnixSocket = 8,

    /// <summary>SCAP_FD_EVENT.</summary>
    Event = 9,

    /// <summary>SCAP_FD_UNSUPPORTED.</summary>
    Unsupported = 10,

    /// <summary>SCAP_FD_SIGNALFD.</summary>
    SignalFd = 11,

    /// <summary>SCAP_FD_EVENTPOLL.</summary>
    EventPoll = 12,

    /// <summary>SCAP_FD_INOTIFY.</summary>
    Inotify = 13,

    /// <summary>SCAP_FD_TIMERFD.</summary>
    TimerFd = 14,

    /// <summary>SCAP_FD_NETLINK.</summary>
    Netlink = 15,

    /// <summary>SCAP_FD_FILE_V2: a regular file with open flags, device and mount id.</summary>
    FileV2 = 16,

    /// <summary>SCAP_FD_BPF.</summary>
    Bpf = 17,

    /// <summary>SCAP_FD_USERFAULTFD.</summary>
    UserFaultFd = 18,

    /// <summary>SCAP_FD_IOURING.</summary>
    IoUring = 19,

    /// <summary>SCAP_FD_MEMFD.</summary>
    MemFd = 20,

    /// <summary>SCAP_FD_PIDFD.</summary>
    PidFd = 21,

    /// <summary>SCAP_FD_UNINITIALIZED (-1): what a new, never-set entry reads as.</summary>
    Uninitialized = 255,
}

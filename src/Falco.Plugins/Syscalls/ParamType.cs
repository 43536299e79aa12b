namespace Falco.Plugins.Syscalls;

/// <summary>
/// The type of an event parameter: libscap's <c>ppm_param_type</c> (<c>PT_*</c>), with the same
/// numbers. It fixes how the parameter's bytes are laid out in an event.
/// </summary>
public enum ParamType
{
    /// <summary><c>PT_NONE</c>: no value.</summary>
    None = 0,

    /// <summary><c>PT_INT8</c>: a signed 8-bit integer.</summary>
    Int8 = 1,

    /// <summary><c>PT_INT16</c>: a signed 16-bit integer.</summary>
    Int16 = 2,

    /// <summary><c>PT_INT32</c>: a signed 32-bit integer.</summary>
    Int32 = 3,

    /// <summary><c>PT_INT64</c>: a signed 64-bit integer.</summary>
    Int64 = 4,

    /// <summary><c>PT_UINT8</c>: an unsigned 8-bit integer.</summary>
    UInt8 = 5,

    /// <summary><c>PT_UINT16</c>: an unsigned 16-bit integer.</summary>
    UInt16 = 6,

    /// <summary><c>PT_UINT32</c>: an unsigned 32-bit integer.</summary>
    UInt32 = 7,

    /// <summary><c>PT_UINT64</c>: an unsigned 64-bit integer.</summary>
    UInt64 = 8,

    /// <summary><c>PT_CHARBUF</c>: a NUL-terminated string.</summary>
    CharBuf = 9,

    /// <summary><c>PT_BYTEBUF</c>: raw bytes.</summary>
    ByteBuf = 10,

    /// <summary><c>PT_ERRNO</c>: a signed 64-bit return value, negative for an errno.</summary>
    Errno = 11,

    /// <summary><c>PT_SOCKADDR</c>: a socket address (family byte, then the address).</summary>
    SockAddr = 12,

    /// <summary><c>PT_SOCKTUPLE</c>: both ends of a connection (family byte, then source and destination).</summary>
    SockTuple = 13,

    /// <summary><c>PT_FD</c>: a signed 64-bit file descriptor.</summary>
    Fd = 14,

    /// <summary><c>PT_PID</c>: a signed 64-bit process or thread id.</summary>
    Pid = 15,

    /// <summary><c>PT_FDLIST</c>: a 16-bit count, then that many 64-bit fds with 16-bit flags.</summary>
    FdList = 16,

    /// <summary><c>PT_FSPATH</c>: a NUL-terminated file system path.</summary>
    FsPath = 17,

    /// <summary><c>PT_SYSCALLID</c>: a 16-bit system call id.</summary>
    SyscallId = 18,

    /// <summary><c>PT_SIGTYPE</c>: an 8-bit signal number.</summary>
    SigType = 19,

    /// <summary><c>PT_RELTIME</c>: a 64-bit duration in nanoseconds.</summary>
    RelTime = 20,

    /// <summary><c>PT_ABSTIME</c>: a 64-bit time in nanoseconds since the Unix epoch.</summary>
    AbsTime = 21,

    /// <summary><c>PT_PORT</c>: a 16-bit TCP or UDP port.</summary>
    Port = 22,

    /// <summary><c>PT_L4PROTO</c>: an 8-bit layer-4 protocol number.</summary>
    L4Proto = 23,

    /// <summary><c>PT_SOCKFAMILY</c>: an 8-bit socket family.</summary>
    SockFamily = 24,

    /// <summary><c>PT_BOOL</c>: a boolean stored in 32 bits.</summary>
    Bool = 25,

    /// <summary><c>PT_IPV4ADDR</c>: a 4-byte IPv4 address in network byte order.</summary>
    IPv4Addr = 26,

    /// <summary><c>PT_DYN</c>: a value whose type is chosen by a leading index byte.</summary>
    Dyn = 27,

    /// <summary><c>PT_FLAGS8</c>: an 8-bit set of flags.</summary>
    Flags8 = 28,

    /// <summary><c>PT_FLAGS16</c>: a 16-bit set of flags.</summary>
    Flags16 = 29,

    /// <summary><c>PT_FLAGS32</c>: a 32-bit set of flags.</summary>
    Flags32 = 30,

    /// <summary><c>PT_UID</c>: a 32-bit user id.</summary>
    Uid = 31,

    /// <summary><c>PT_GID</c>: a 32-bit group id.</summary>
    Gid = 32,

    /// <summary><c>PT_DOUBLE</c>: a 64-bit floating-point number.</summary>
    Double = 33,

    /// <summary><c>PT_SIGSET</c>: a 32-bit set of signals.</summary>
    SigSet = 34,

    /// <summary><c>PT_CHARBUFARRAY</c>: NUL-terminated strings one after the other.</summary>
    CharBufArray = 35,

    /// <summary><c>PT_CHARBUF_PAIR_ARRAY</c>: pairs of NUL-terminated strings one after the other.</summary>
    CharBufPairArray = 36,

    /// <summary><c>PT_IPV4NET</c>: an IPv4 address and netmask.</summary>
    IPv4Net = 37,

    /// <summary><c>PT_IPV6ADDR</c>: a 16-byte IPv6 address.</summary>
    IPv6Addr = 38,

    /// <summary><c>PT_IPV6NET</c>: an IPv6 address and netmask.</summary>
    IPv6Net = 39,

    /// <summary><c>PT_IPADDR</c>: an IPv4 or IPv6 address, told apart by its length.</summary>
    IPAddr = 40,

    /// <summary><c>PT_IPNET</c>: an IPv4 or IPv6 network, told apart by its length.</summary>
    IPNet = 41,

    /// <summary><c>PT_MODE</c>: 32-bit file mode bits.</summary>
    Mode = 42,

    /// <summary><c>PT_FSRELPATH</c>: a NUL-terminated path relative to a directory fd parameter.</summary>
    FsRelPath = 43,

    /// <summary><c>PT_ENUMFLAGS8</c>: an 8-bit value that is one of the names of its table.</summary>
    EnumFlags8 = 44,

    /// <summary><c>PT_ENUMFLAGS16</c>: a 16-bit value that is one of the names of its table.</summary>
    EnumFlags16 = 45,

    /// <summary><c>PT_ENUMFLAGS32</c>: a 32-bit value that is one of the names of its table.</summary>
    EnumFlags32 = 46,

    /// <summary><c>PT_FD32</c>: a signed 32-bit file descriptor.</summary>
    Fd32 = 47,

    /// <summary><c>PT_PID32</c>: a signed 32-bit process or thread id.</summary>
    Pid32 = 48,
}

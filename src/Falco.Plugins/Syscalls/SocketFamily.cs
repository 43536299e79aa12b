namespace Falco.Plugins.Syscalls;

/// <summary>
/// The address family byte that starts a socket address or tuple in an event: libscap's
/// <c>PPM_AF_*</c> numbers (the Linux ones). Other families occur as their raw number.
/// </summary>
public enum SocketFamily : byte
{
    /// <summary><c>PPM_AF_UNSPEC</c>.</summary>
    Unspecified = 0,

    /// <summary><c>PPM_AF_UNIX</c> (also <c>PPM_AF_LOCAL</c>): a Unix domain socket.</summary>
    Unix = 1,

    /// <summary><c>PPM_AF_INET</c>: IPv4.</summary>
    Inet = 2,

    /// <summary><c>PPM_AF_INET6</c>: IPv6.</summary>
    Inet6 = 10,
}

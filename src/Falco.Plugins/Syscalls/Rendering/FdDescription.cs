namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// What an fd table knows of a file descriptor, for rendering: libsinsp shows it after the fd
/// number as <c>&lt;</c>type and protocol<c>&gt;</c> then the name, e.g. <c>fd=3(&lt;f&gt;/etc/passwd)</c>
/// or <c>fd=5(&lt;4t&gt;10.0.0.1:40000-&gt;10.0.0.2:443)</c>.
/// </summary>
/// <param name="TypeChar">
/// libsinsp's type character: <c>f</c> file, <c>d</c> directory, <c>4</c> and <c>6</c> IP
/// sockets, <c>u</c> unix socket, <c>p</c> pipe, <c>e</c> eventfd, <c>s</c> signalfd,
/// <c>l</c> eventpoll, <c>i</c> inotify, <c>t</c> timerfd, <c>n</c> netlink, <c>b</c> bpf, ...
/// </param>
/// <param name="Name">The name: a path, a socket tuple, ...</param>
/// <param name="ProtocolChar">For IP sockets: <c>t</c> TCP, <c>u</c> UDP, <c>i</c> ICMP, <c>r</c> raw; otherwise <c>'\0'</c> (nothing shown).</param>
public readonly record struct FdDescription(char TypeChar, string Name, char ProtocolChar = '\0');

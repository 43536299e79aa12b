using System.Text;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>Exit events of the syscalls examples/FileAccess reads, encoded as libscap lays them out.</summary>
internal static class FileAccessSamples
{
    /// <summary>The dirfd that means the working directory.</summary>
    public const long AtFdCwd = -100;

    /// <summary>PPM_O_RDONLY, the libscap open flag (not the kernel's O_RDONLY, which is 0).</summary>
    public const uint ReadOnly = 1;

    /// <summary>PPM_O_WRONLY.</summary>
    public const uint WriteOnly = 2;

    /// <summary>PPM_O_RDWR.</summary>
    public const uint ReadWrite = 3;

    /// <summary>PPM_O_CREAT.</summary>
    public const uint Create = 4;

    /// <summary>PPM_O_APPEND.</summary>
    public const uint Append = 8;

    /// <summary>PPM_O_CLOEXEC.</summary>
    public const uint CloseOnExec = 4096;

    private const ulong Time = 1_700_000_000_000_000_000;

    public static CapturedEvent Open(long tid, long fd, string path, uint flags, ulong number = 1) =>
        Syscall(SyscallOpenExit.Encode(Time, (ulong)tid, fd, Utf8(path), flags, 0, 0, 0), number);

    public static CapturedEvent Openat(long tid, long fd, long dirfd, string path, uint flags, ulong number = 1) =>
        Syscall(SyscallOpenat2Exit.Encode(Time, (ulong)tid, fd, dirfd, Utf8(path), flags, 0, 0, 0), number);

    public static CapturedEvent Openat2(long tid, long fd, long dirfd, string path, uint flags, ulong number = 1) =>
        Syscall(SyscallOpenat2Exit327.Encode(Time, (ulong)tid, fd, dirfd, Utf8(path), flags, 0, 0, 0, 0), number);

    public static CapturedEvent Creat(long tid, long fd, string path, ulong number = 1) =>
        Syscall(SyscallCreatExit.Encode(Time, (ulong)tid, fd, Utf8(path), 0644, 0, 0, 0), number);

    /// <summary>An execve exit: <paramref name="exe"/> is argv[0], <paramref name="filename"/> the path given, <paramref name="trustedExepath"/> the kernel's.</summary>
    public static CapturedEvent Execve(long tid, long res, string exe, string filename, string trustedExepath, ulong number = 1) =>
        Syscall(
            SyscallExecve19Exit.Encode(
                Time, (ulong)tid, res, Utf8(exe), [], tid, tid, 1, "/"u8, 1024, 0, 0, 0, 0, 0, "exe"u8, [], [], 0, tid, 0, 0, 0, 0, 0, 0,
                default, default, 0, Utf8(trustedExepath), tid, 0, Utf8(filename)),
            number);

    public static CapturedEvent Close(long tid, ulong number = 1) =>
        Syscall(SyscallCloseExit.Encode(Time, (ulong)tid, 0, 3), number);

    public static CapturedEvent Syscall(byte[] bytes, ulong number = 1) => CapturedEvent.FromBytes(bytes, number, "syscall");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

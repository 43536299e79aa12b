namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>The names of the Linux signals 1 to 31, as libsinsp prints them.</summary>
internal static class SignalNames
{
    private static readonly string?[] Names =
    [
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",
        "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO",
        "SIGPWR", "SIGSYS",
    ];

    /// <summary>The name of <paramref name="signal"/>, e.g. <c>SIGKILL</c> for 9; null for 0 and real-time signals.</summary>
    public static string? Of(int signal) => signal > 0 && signal < Names.Length ? Names[signal] : null;
}

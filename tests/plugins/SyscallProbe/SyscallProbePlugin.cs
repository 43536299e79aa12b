using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Tests.SyscallProbe;

/// <summary>
/// Reads syscall events through the SDK's typed views: parse handlers for openat (PPME_SYSCALL_OPENAT_2_X) and close exit
/// events (whose codes become the parse event types), a field implemented for two event types,
/// a typed field with an argument, and an untyped field beside them.
/// </summary>
[FalcoPlugin("syscallprobe", Version = "1.0.0", Description = "End-to-end test plugin for typed syscall events", Contact = "tests")]
[ParseEventSources("syscall")]
[ExtractEventSources("syscall")]
public sealed partial class SyscallProbePlugin : IPlugin, IFieldExtractor
{
    /// <summary>The descriptor that makes the openat handler fail, to test how failures surface.</summary>
    public const long FailingFd = -999;

    private ulong _opens;
    private ulong _closes;
    private string? _lastPath;

    /// <summary>Counts successful openat calls and keeps the last path.</summary>
    [ParseHandler]
    public void OnOpenat(ref ParseContext context, SyscallOpenat2Exit evt)
    {
        if (evt.Fd == FailingFd)
        {
            throw new PluginException($"refusing descriptor {evt.Fd}");
        }

        if (evt.Fd >= 0)
        {
            _opens++;
            _lastPath = evt.GetNameString();
        }
    }

    /// <summary>Counts close calls.</summary>
    [ParseHandler]
    public void OnClose(ref ParseContext context, SyscallCloseExit evt) => _closes++;

    /// <summary>The path of an open or openat call.</summary>
    [Field("syscallprobe.path", "The path an open or openat call was given")]
    public static string? Path(ref ExtractContext context, SyscallOpenat2Exit evt) => evt.GetNameString();

    /// <summary>The path of an open call.</summary>
    [Field("syscallprobe.path", "The path an open or openat call was given")]
    public static string? Path(ref ExtractContext context, SyscallOpenExit evt) => evt.GetNameString();

    /// <summary>The descriptor an openat call returned plus the argument.</summary>
    [Field("syscallprobe.fd_plus", "The descriptor openat returned plus the index", Arg = FieldArg.RequiredIndex)]
    public static ulong? FdPlus(ref ExtractContext context, SyscallOpenat2Exit evt, ulong index) =>
        evt.Fd >= 0 ? (ulong)evt.Fd + index : null;

    /// <summary>What parsing counted so far, on any event.</summary>
    [Field("syscallprobe.counts", "opens/closes parsed so far and the last path opened")]
    public string Counts(ref ExtractContext context) => $"{_opens}/{_closes} {_lastPath}";
}

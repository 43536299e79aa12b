using Falco.Plugins.Syscalls;
using Falco.Plugins.Syscalls.Rendering;
using Falco.Plugins.Testing;

namespace Falco.Plugins.Cli.Running;

/// <summary>A replayed event as text: its type and arguments as libsinsp prints them, e.g. <c>close fd=3 res=0</c>.</summary>
internal static class CapturedEventText
{
    /// <summary>The rendering of <paramref name="evt"/>, or why it has none (an unknown code or a malformed event) in angle brackets.</summary>
    public static string Render(CapturedEvent evt) =>
        SyscallEvent.TryCreate(evt.Bytes.Span, out SyscallEvent view, out string? error)
            ? EventRenderer.Format(view)
            : $"<{error}>";
}

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Syscalls.Rendering;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>Renders event bytes through the generic view, as a caller holding a copied event does.</summary>
internal static class RenderingEvents
{
    public static string Render(byte[] bytes, EventRenderOptions? options = null)
    {
        Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt, out string? error), error);
        return EventRenderer.Format(evt, options);
    }

    public static string RenderArguments(byte[] bytes, EventRenderOptions? options = null)
    {
        Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt, out string? error), error);
        return EventRenderer.FormatArguments(evt, options);
    }

    public static string RenderParameter(byte[] bytes, int index, EventRenderOptions? options = null)
    {
        Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt, out string? error), error);
        Span<char> text = stackalloc char[4096];
        Assert.True(EventRenderer.TryFormatParameter(evt, index, text, out int written, options));
        return new string(text.Slice(0, written));
    }
}

/// <summary>An fd, thread, user and group table for rendering, answering from stored strings.</summary>
internal sealed class TableNames : IEventNameResolver
{
    public Dictionary<(ulong Tid, long Fd), FdDescription> Fds { get; } = [];

    public Dictionary<long, string> Threads { get; } = [];

    public Dictionary<uint, string> Users { get; } = [];

    public Dictionary<uint, string> Groups { get; } = [];

    public bool TryGetFd(ulong threadId, long fd, out FdDescription description) => Fds.TryGetValue((threadId, fd), out description);

    public bool TryGetThreadName(long threadId, [NotNullWhen(true)] out string? name) => Threads.TryGetValue(threadId, out name);

    public bool TryGetUserName(ulong threadId, uint uid, [NotNullWhen(true)] out string? name) => Users.TryGetValue(uid, out name);

    public bool TryGetGroupName(ulong threadId, uint gid, [NotNullWhen(true)] out string? name) => Groups.TryGetValue(gid, out name);
}

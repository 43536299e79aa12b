using System.Collections.Generic;

namespace Falco.Plugins.Testing;

/// <summary>How <see cref="CaptureFile.ReadEvents"/> delivers the events of a capture.</summary>
public sealed record CaptureReadOptions
{
    /// <summary>The defaults: the events libsinsp delivers, plugin events without a known source.</summary>
    public static CaptureReadOptions Default { get; } = new();

    /// <summary>
    /// Whether to deliver the enter events of syscalls too. libsinsp does not (its capture
    /// reader folds them into their exit events), so by default they are left out, and the
    /// events are numbered as libsinsp numbers them. With this on, every event of the file is
    /// delivered and numbered in file order.
    /// </summary>
    public bool IncludeSyscallEnterEvents { get; init; }

    /// <summary>
    /// The event source of each plugin id, for plugin events (code 322) and async events
    /// (code 402) of plugins: libsinsp gives them the source of the loaded plugin with that id.
    /// Events of an id not listed have no source ("").
    /// </summary>
    public IReadOnlyDictionary<uint, string> PluginEventSources { get; init; } = new Dictionary<uint, string>();
}

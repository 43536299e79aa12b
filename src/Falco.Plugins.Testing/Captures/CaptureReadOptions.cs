using System.Collections.Generic;

namespace Falco.Plugins.Testing;

/// <summary>How <see cref="CaptureFile.ReadEvents"/> delivers the events of a capture.</summary>
public sealed record CaptureReadOptions
{
    /// <summary>The defaults: the events libsinsp delivers, plugin events without a known source.</summary>
    public static CaptureReadOptions Default { get; } = new();

    /// <summary>
    /// Whether to convert the events as libscap's savefile engine does (the default): old
    /// versions of an event come out as the latest version of their code with every parameter
    /// of the event table (taken from the enter event of the same thread, or empty), and the
    /// enter events the converter stores for their exit event are dropped. Turn it off to see
    /// the events as the file stores them.
    /// </summary>
    public bool ConvertOldVersions { get; init; } = true;

    /// <summary>
    /// Whether to deliver the enter events of syscalls too. libsinsp does not, so by default
    /// they are left out, and the events are numbered as libsinsp numbers them. With this on
    /// and <see cref="ConvertOldVersions"/> off, every event of the file is delivered and
    /// numbered in file order. With conversion on, the enter events the converter consumes
    /// (stores for their exit event, or drops as old versions) are not delivered even so, as
    /// in libscap; the ones it passes on are.
    /// </summary>
    public bool IncludeSyscallEnterEvents { get; init; }

    /// <summary>
    /// The event source of each plugin id, for plugin events (code 322) and async events
    /// (code 402) of plugins: libsinsp gives them the source of the loaded plugin with that id.
    /// Events of an id not listed have no source ("").
    /// </summary>
    public IReadOnlyDictionary<uint, string> PluginEventSources { get; init; } = new Dictionary<uint, string>();
}

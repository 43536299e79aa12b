using System;
using System.Collections.Generic;
using System.IO;

namespace Falco.Plugins.Testing;

/// <summary>Replaying capture files through the host's plugins, as libsinsp replays a <c>.scap</c> file.</summary>
public sealed partial class PluginHost
{
    /// <summary>
    /// Opens the capture at <paramref name="path"/> for replay. Like libsinsp opening a capture,
    /// this first adds the threads of its process list, with their file descriptors, to
    /// <see cref="Threads"/> (replacing threads of the same tid; others stay). Enumerating the
    /// result then parses each event with the host's plugins before returning it. State changes
    /// that libsinsp itself derives from syscall events (new threads, opened fds, …) are not made.
    /// </summary>
    /// <param name="path">The capture file, plain or gzip-compressed.</param>
    /// <param name="options">Which events to deliver; plugin events get the sources of the host's plugins.</param>
    /// <exception cref="CaptureFileException">The file is not a valid capture.</exception>
    public CaptureReplay OpenCaptureFile(string path, CaptureReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Replaying(CaptureFile.Open(path), options);
    }

    /// <summary>Opens a capture read from <paramref name="stream"/> for replay, as <see cref="OpenCaptureFile(string, CaptureReadOptions?)"/> does.</summary>
    /// <exception cref="CaptureFileException">The bytes are not a valid capture.</exception>
    public CaptureReplay OpenCaptureFile(Stream stream, CaptureReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Replaying(CaptureFile.Open(stream, leaveOpen), options);
    }

    /// <summary>
    /// Replays the capture at <paramref name="path"/> to its end: seeds <see cref="Threads"/>,
    /// then parses each event and passes it to <paramref name="onEvent"/>, where tests extract
    /// fields. Returns how many events were replayed.
    /// </summary>
    /// <exception cref="CaptureFileException">The file is not a valid capture.</exception>
    /// <exception cref="PluginHostException">A parser failed.</exception>
    public long Replay(string path, Action<CapturedEvent>? onEvent = null, CaptureReadOptions? options = null)
    {
        using CaptureReplay replay = OpenCaptureFile(path, options);
        foreach (CapturedEvent evt in replay)
        {
            onEvent?.Invoke(evt);
        }

        return replay.EventsRead;
    }

    private CaptureReplay Replaying(CaptureFile file, CaptureReadOptions? options)
    {
        try
        {
            foreach (CaptureThread thread in file.Threads)
            {
                Threads.Add(thread);
            }

            return new CaptureReplay(this, file, WithPluginSources(options ?? CaptureReadOptions.Default));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The options with the event sources of the host's source plugins added, as libsinsp resolves plugin ids.</summary>
    private CaptureReadOptions WithPluginSources(CaptureReadOptions options)
    {
        var sources = new Dictionary<uint, string>(options.PluginEventSources);
        foreach (Plugin plugin in _plugins)
        {
            if (plugin.Info.Id != 0)
            {
                sources[plugin.Info.Id] = plugin.Info.EventSource;
            }
        }

        return options with { PluginEventSources = sources };
    }
}

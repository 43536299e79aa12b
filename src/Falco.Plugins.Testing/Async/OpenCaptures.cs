using System.Collections.Generic;

namespace Falco.Plugins.Testing.Async;

/// <summary>
/// The captures open in a host, read by async handlers on plugin threads to find the current
/// event source. libsinsp has one open source per inspector; with several open captures the
/// most recently opened one counts.
/// </summary>
internal sealed class OpenCaptures
{
    private readonly object _lock = new();
    private readonly List<Plugin> _sources = new();

    public CurrentEventSource Current
    {
        get
        {
            lock (_lock)
            {
                if (_sources.Count == 0)
                {
                    return CurrentEventSource.NoCapture;
                }

                PluginInfo info = _sources[^1].Info;
                return info.Id != 0
                    ? new CurrentEventSource(info.Id, info.EventSource, IsCaptureOpen: true)
                    : new CurrentEventSource(0, CurrentEventSource.Syscall, IsCaptureOpen: true);
            }
        }
    }

    public void Opened(Plugin source)
    {
        lock (_lock)
        {
            _sources.Add(source);
        }
    }

    public void Closed(Plugin source)
    {
        lock (_lock)
        {
            int index = _sources.LastIndexOf(source);
            if (index >= 0)
            {
                _sources.RemoveAt(index);
            }
        }
    }
}

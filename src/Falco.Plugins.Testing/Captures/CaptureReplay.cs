using System;
using System.Collections;
using System.Collections.Generic;

namespace Falco.Plugins.Testing;

/// <summary>
/// A capture file being replayed through a <see cref="PluginHost"/> (see
/// <see cref="PluginHost.OpenCaptureFile(string, CaptureReadOptions?)"/>): enumerating it reads
/// the events one at a time and runs the host's parsers on each before handing it out, so
/// fields extracted from an event see the state as libsinsp's extractors would. It can be
/// enumerated once.
/// </summary>
public sealed class CaptureReplay : IEnumerable<CapturedEvent>, IDisposable
{
    private readonly PluginHost _host;
    private readonly CaptureReadOptions _options;

    internal CaptureReplay(PluginHost host, CaptureFile file, CaptureReadOptions options)
    {
        _host = host;
        File = file;
        _options = options;
    }

    /// <summary>The capture: its machine, threads, interfaces and users.</summary>
    public CaptureFile File { get; }

    /// <summary>How many events were handed out so far.</summary>
    public long EventsRead { get; private set; }

    /// <summary>The events, each parsed by the host's plugins before it is returned.</summary>
    /// <exception cref="InvalidOperationException">The replay was already enumerated.</exception>
    /// <exception cref="CaptureFileException">While enumerating: the rest of the file is malformed.</exception>
    /// <exception cref="PluginHostException">While enumerating: a parser failed, which stops libsinsp too.</exception>
    public IEnumerator<CapturedEvent> GetEnumerator()
    {
        foreach (CapturedEvent evt in File.ReadEvents(_options))
        {
            // libsinsp gives events of unknown plugins no source, and no parser sees them.
            if (evt.Source.Length > 0)
            {
                _host.Parse(evt);
            }

            EventsRead++;
            yield return evt;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Closes the file.</summary>
    public void Dispose() => File.Dispose();
}

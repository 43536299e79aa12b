using System;
using System.Collections.Generic;
using Falco.Plugins.Testing.Async;

namespace Falco.Plugins.Testing;

// The async event queue the plugins of a host share, as one inspector's.
public sealed partial class PluginHost
{
    /// <summary>
    /// The async events plugins sent and no capture has delivered yet. The host stamps each with
    /// the id of the current event source: the most recently opened <see cref="PluginCapture"/>
    /// of a source plugin with an id, else 0 ("syscall"). With no capture open (libsinsp would
    /// have no handler set then) events get id 0 and source "syscall", and the checks against
    /// the open source are skipped.
    /// </summary>
    public AsyncEventCollection AsyncEvents { get; } = new();

    internal OpenCaptures Captures { get; } = new();

    /// <summary>Waits until at least <paramref name="count"/> async events wait in <see cref="AsyncEvents"/> and returns them, oldest first.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/>.</exception>
    public IReadOnlyList<CapturedEvent> WaitForAsyncEvents(int count, TimeSpan timeout) => AsyncEvents.WaitFor(count, timeout);
}

using System.Collections.Generic;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>
/// The last enter event the converter stored for each thread, kept until an exit event of the
/// same thread takes parameters from it. A thread runs one syscall at a time, so a new enter
/// event of the thread replaces the previous one.
/// </summary>
internal sealed class EnterEventStore
{
    private readonly Dictionary<ulong, byte[]> _byThread = [];

    /// <summary>How many threads have an enter event stored.</summary>
    public int Count => _byThread.Count;

    /// <summary>Keeps <paramref name="evt"/> (the store owns it from now on) as the enter event of its thread.</summary>
    public void Store(RawEvent evt) => _byThread[evt.ThreadId] = evt.Bytes;

    /// <summary>The enter event stored for <paramref name="threadId"/>.</summary>
    public bool TryGet(ulong threadId, out RawEvent evt)
    {
        if (_byThread.TryGetValue(threadId, out byte[]? bytes))
        {
            evt = new RawEvent(bytes);
            return true;
        }

        evt = default;
        return false;
    }

    /// <summary>Forgets the enter event of <paramref name="threadId"/>, once its exit event used it.</summary>
    public void Remove(ulong threadId) => _byThread.Remove(threadId);
}

using System.Threading;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Async;

/// <summary>
/// One handler the framework set: the owner to pass back and the function to call. Closing it
/// waits for the calls in flight, so that no event reaches the handler after the close returns.
/// </summary>
internal sealed unsafe class AsyncHandlerSession
{
    private int _inFlight;
    private volatile bool _closed;

    public AsyncHandlerSession(void* owner, delegate* unmanaged<void*, EventHeader*, byte*, PluginRc> handler)
    {
        Owner = owner;
        Handler = handler;
    }

    public void* Owner { get; }

    public delegate* unmanaged<void*, EventHeader*, byte*, PluginRc> Handler { get; }

    /// <summary>Registers a call; false once the session is closed.</summary>
    public bool Enter()
    {
        Interlocked.Increment(ref _inFlight);
        if (_closed)
        {
            Exit();
            return false;
        }

        return true;
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Refuses new calls and waits for those in flight to return.</summary>
    public void Close()
    {
        _closed = true;
        var wait = default(SpinWait);
        while (Volatile.Read(ref _inFlight) != 0)
        {
            wait.SpinOnce();
        }
    }
}

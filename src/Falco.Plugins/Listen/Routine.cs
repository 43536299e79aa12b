using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Falco.Plugins;

/// <summary>
/// A routine running on the framework's thread pool, from <see cref="CaptureContext.Subscribe"/>.
/// The framework calls it again and again while it returns true.
/// </summary>
public sealed class Routine
{
    private readonly Func<bool> _body;
    private long _calls;

    internal Routine(Func<bool> body)
    {
        _body = body;
    }

    /// <summary>How many times the framework has called it.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Whether it is subscribed.</summary>
    public bool IsSubscribed { get; internal set; }

    /// <summary>Whether it stopped itself (returned false) or failed.</summary>
    public bool HasStopped { get; private set; }

    /// <summary>What made it stop, if it threw.</summary>
    public Exception? Failure { get; private set; }

    internal GCHandle Handle { get; set; }

    internal unsafe void* FrameworkHandle { get; set; }

    internal bool Run()
    {
        Interlocked.Increment(ref _calls);
        try
        {
            bool again = _body();
            HasStopped = !again;
            return again;
        }
        catch (Exception ex)
        {
            Failure = ex;
            HasStopped = true;
            return false;
        }
    }
}

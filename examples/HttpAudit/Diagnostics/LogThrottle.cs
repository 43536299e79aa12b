using System;
using System.Threading;

namespace Falco.Plugins.Examples.HttpAudit.Diagnostics;

/// <summary>Lets a repeated warning through at most once per interval, from any thread, so a flood of refusals logs a line, not a flood.</summary>
internal sealed class LogThrottle
{
    private readonly long _intervalMs;
    private long _nextMs;

    /// <summary>Creates a throttle that opens once per <paramref name="interval"/>.</summary>
    public LogThrottle(TimeSpan interval)
    {
        _intervalMs = (long)interval.TotalMilliseconds;
    }

    /// <summary>Whether to log now.</summary>
    public bool TryEnter()
    {
        long now = Environment.TickCount64;
        long next = Interlocked.Read(ref _nextMs);
        return now >= next && Interlocked.CompareExchange(ref _nextMs, now + _intervalMs, next) == next;
    }
}

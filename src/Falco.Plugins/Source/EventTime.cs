using System;
using System.Runtime.InteropServices;

namespace Falco.Plugins;

/// <summary>Timestamps in the form events carry: nanoseconds since the Unix epoch.</summary>
public static unsafe partial class EventTime
{
    private const int ClockRealtime = 0;

    /// <summary>The current time, from CLOCK_REALTIME with nanosecond resolution (DateTime has 100 ns).</summary>
    public static ulong Now()
    {
        Timespec time;
        _ = ClockGetTime(ClockRealtime, &time);
        return ((ulong)time.Seconds * 1_000_000_000UL) + (ulong)time.Nanoseconds;
    }

    // A vDSO call that cannot block: no GC transition is needed around it.
    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [SuppressGCTransition]
    private static partial int ClockGetTime(int clock, Timespec* time);

    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>Converts a point in time.</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset value) =>
        (ulong)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>Converts an event timestamp back.</summary>
    public static DateTimeOffset ToDateTimeOffset(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100));
}

using System;

namespace Falco.Plugins;

/// <summary>Timestamps in the form events carry: nanoseconds since the Unix epoch.</summary>
public static class EventTime
{
    /// <summary>The current time.</summary>
    public static ulong Now() => FromDateTimeOffset(DateTimeOffset.UtcNow);

    /// <summary>Converts a point in time.</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset value) =>
        (ulong)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>Converts an event timestamp back.</summary>
    public static DateTimeOffset ToDateTimeOffset(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100));
}

using System;
using System.Globalization;

namespace Falco.Plugins.Cli.Output;

/// <summary>Event timestamps as text.</summary>
internal static class Timestamps
{
    private const ulong NanosecondsPerSecond = 1_000_000_000;

    /// <summary>
    /// <paramref name="nanoseconds"/> since the Unix epoch in ISO 8601, UTC, with all nine
    /// digits of the fraction: <c>2026-11-21T23:50:39.123456789Z</c>.
    /// </summary>
    public static string Iso8601(ulong nanoseconds)
    {
        DateTime seconds = DateTime.UnixEpoch.AddSeconds(nanoseconds / NanosecondsPerSecond);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds:yyyy-MM-ddTHH:mm:ss}.{nanoseconds % NanosecondsPerSecond:D9}Z");
    }
}

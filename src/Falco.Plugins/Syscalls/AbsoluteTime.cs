using System;

namespace Falco.Plugins.Syscalls;

/// <summary>A point in time in nanoseconds since the Unix epoch (<c>PT_ABSTIME</c>), e.g. a file's ctime.</summary>
/// <param name="Nanoseconds">Nanoseconds since 1970-01-01T00:00:00Z.</param>
public readonly record struct AbsoluteTime(ulong Nanoseconds)
{
    private const ulong NanosecondsPerTick = 100;

    /// <summary>The time as a UTC <see cref="DateTime"/>, rounded down to 100 ns.</summary>
    public DateTime ToDateTime() => DateTime.UnixEpoch.AddTicks((long)(Nanoseconds / NanosecondsPerTick));

    /// <summary>The time as a <see cref="DateTimeOffset"/> at UTC, rounded down to 100 ns.</summary>
    public DateTimeOffset ToDateTimeOffset() => new(ToDateTime());

    /// <summary>The time of <paramref name="time"/>, which must not be before the epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is before the Unix epoch.</exception>
    public static AbsoluteTime FromDateTime(DateTime time)
    {
        long ticks = time.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks;
        ArgumentOutOfRangeException.ThrowIfNegative(ticks, nameof(time));
        return new AbsoluteTime((ulong)ticks * NanosecondsPerTick);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Nanoseconds}ns";
}

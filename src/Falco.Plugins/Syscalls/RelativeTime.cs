using System;

namespace Falco.Plugins.Syscalls;

/// <summary>A duration in nanoseconds (<c>PT_RELTIME</c>), e.g. a timeout.</summary>
/// <param name="Nanoseconds">The duration in nanoseconds.</param>
public readonly record struct RelativeTime(ulong Nanoseconds)
{
    private const ulong NanosecondsPerTick = 100;

    /// <summary>The duration as a <see cref="TimeSpan"/>, rounded down to 100 ns (any 64-bit count of nanoseconds fits).</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks((long)(Nanoseconds / NanosecondsPerTick));

    /// <summary>The duration of <paramref name="duration"/>, which must not be negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    public static RelativeTime FromTimeSpan(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new RelativeTime((ulong)duration.Ticks * NanosecondsPerTick);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Nanoseconds}ns";
}

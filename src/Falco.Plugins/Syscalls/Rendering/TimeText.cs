using System;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>Times as libsinsp prints them, with UTC rather than the local time zone so that a rendering does not depend on the machine.</summary>
internal static class TimeText
{
    private const ulong NanosecondsPerSecond = 1_000_000_000;

    /// <summary>A duration: its nanoseconds, then <c>(1.5s)</c> in seconds (<c>%lg</c>); the all-ones value means no timeout, <c>none</c>.</summary>
    public static void AppendRelative(ref TextBuffer text, RelativeTime time)
    {
        if (time.Nanoseconds == ulong.MaxValue)
        {
            text.Append("none");
            return;
        }

        text.Append(time.Nanoseconds);
        text.Append('(');
        AppendShortest(ref text, (double)time.Nanoseconds / NanosecondsPerSecond);
        text.Append("s)");
    }

    /// <summary>A point in time: <c>2024-01-02 03:04:05.123456789</c>, in UTC.</summary>
    public static void AppendAbsolute(ref TextBuffer text, AbsoluteTime time)
    {
        ulong seconds = time.Nanoseconds / NanosecondsPerSecond;
        DateTime utc = DateTime.UnixEpoch.AddSeconds(seconds);
        text.Append(utc, "yyyy-MM-dd HH:mm:ss");
        text.Append('.');
        text.Append(time.Nanoseconds % NanosecondsPerSecond, "D9");
    }

    /// <summary>C's <c>%g</c>: 6 significant digits, no trailing zeros, an exponent of at least 2 digits beyond 1e-5..1e6.</summary>
    private static void AppendShortest(ref TextBuffer text, double value)
    {
        Span<char> digits = stackalloc char[32];
        var scratch = new TextBuffer(digits);
        scratch.Append(value, "G6");
        Span<char> written = digits.Slice(0, scratch.Length);
        int exponent = written.IndexOf('E');
        if (exponent >= 0)
        {
            written[exponent] = 'e';
        }

        text.Append(written);
    }
}

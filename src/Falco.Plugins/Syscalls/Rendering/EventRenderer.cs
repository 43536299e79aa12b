using System;
using System.Buffers;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// Renders syscall events as text the way libsinsp prints an event's type and arguments
/// (<c>evt.type</c> and <c>evt.args</c>), e.g.
/// <c>openat fd=3 dirfd=-100(AT_FDCWD) name=/etc/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=803 ino=1234</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each parameter renders as <c>name=value</c>, with what the value resolves to in parentheses:
/// errno names of negative results, <c>AT_FDCWD</c>, flag and mode names, signal names,
/// seconds of durations. Numbers follow the table's print format (hexadecimal without a
/// prefix, octal with a leading 0); socket addresses read <c>1.2.3.4:80</c> and
/// <c>1.2.3.4:40000-&gt;5.6.7.8:80</c>; byte buffers show printable ASCII and <c>.</c> for other
/// bytes, cut at <see cref="EventRenderOptions.MaxBufferLength"/>; times are in UTC.
/// </para>
/// <para>
/// What libsinsp takes from its thread and fd tables (fd names, thread commands, user and group
/// names) comes from <see cref="EventRenderOptions.Names"/> when given. A parameter the event
/// does not carry (older event versions have fewer) renders as <c>&lt;NA&gt;</c>, one carried
/// with length 0 as <c>NULL</c>, one whose bytes do not form a value of its type as
/// <c>&lt;invalid&gt;</c>: rendering never throws on an event's contents. Control characters in
/// strings render as <c>.</c>, so that an event renders to one line.
/// </para>
/// <para>The <c>TryFormat</c> methods allocate nothing; the <c>string</c> ones are for logs and debugging.</para>
/// </remarks>
public static class EventRenderer
{
    private const int InitialBufferLength = 512;

    /// <summary>Writes the event's type and arguments, e.g. <c>close fd=3 res=0</c>.</summary>
    /// <param name="evt">The event.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <param name="charsWritten">The length of the text; 0 on failure.</param>
    /// <param name="options">How to render; <see cref="EventRenderOptions.Default"/> when null.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public static bool TryFormat(SyscallEvent evt, Span<char> destination, out int charsWritten, EventRenderOptions? options = null) =>
        TryWrite(evt, destination, out charsWritten, options, argumentsOnly: false);

    /// <summary>Writes the event's arguments only, e.g. <c>fd=3 res=0</c> (empty for an event without parameters).</summary>
    /// <inheritdoc cref="TryFormat(SyscallEvent, Span{char}, out int, EventRenderOptions?)"/>
    public static bool TryFormatArguments(SyscallEvent evt, Span<char> destination, out int charsWritten, EventRenderOptions? options = null) =>
        TryWrite(evt, destination, out charsWritten, options, argumentsOnly: true);

    /// <summary>Writes the value of parameter <paramref name="index"/>, without its name, e.g. <c>-2(ENOENT)</c>.</summary>
    /// <param name="evt">The event.</param>
    /// <param name="index">The parameter's position in the table of the event's code.</param>
    /// <param name="destination">Where the text goes.</param>
    /// <param name="charsWritten">The length of the text; 0 on failure.</param>
    /// <param name="options">How to render; <see cref="EventRenderOptions.Default"/> when null.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The table defines fewer parameters for the event's code.</exception>
    public static bool TryFormatParameter(SyscallEvent evt, int index, Span<char> destination, out int charsWritten, EventRenderOptions? options = null)
    {
        EventInfo info = evt.Info;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, info.ParamCount);
        var text = new TextBuffer(destination);
        ParameterText.Append(ref text, evt, info.ParameterSpan[index], options ?? EventRenderOptions.Default);
        return Complete(text, out charsWritten);
    }

    /// <summary>The event's type and arguments as a string (allocates).</summary>
    /// <param name="evt">The event.</param>
    /// <param name="options">How to render; <see cref="EventRenderOptions.Default"/> when null.</param>
    public static string Format(SyscallEvent evt, EventRenderOptions? options = null) => ToText(evt, options, argumentsOnly: false);

    /// <summary>The event's arguments as a string (allocates).</summary>
    /// <inheritdoc cref="Format(SyscallEvent, EventRenderOptions?)"/>
    public static string FormatArguments(SyscallEvent evt, EventRenderOptions? options = null) => ToText(evt, options, argumentsOnly: true);

    private static bool TryWrite(SyscallEvent evt, Span<char> destination, out int charsWritten, EventRenderOptions? options, bool argumentsOnly)
    {
        var text = new TextBuffer(destination);
        EventInfo info = evt.Info;
        if (!argumentsOnly)
        {
            text.Append(info.Name);
            if (info.ParamCount > 0)
            {
                text.Append(' ');
            }
        }

        AppendArguments(ref text, evt, info, options ?? EventRenderOptions.Default);
        return Complete(text, out charsWritten);
    }

    /// <summary>Renders into pooled buffers of growing size until the text fits.</summary>
    private static string ToText(SyscallEvent evt, EventRenderOptions? options, bool argumentsOnly)
    {
        for (int length = InitialBufferLength; ; length *= 2)
        {
            char[] buffer = ArrayPool<char>.Shared.Rent(length);
            try
            {
                if (TryWrite(evt, buffer, out int written, options, argumentsOnly))
                {
                    return new string(buffer, 0, written);
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    private static void AppendArguments(ref TextBuffer text, SyscallEvent evt, EventInfo info, EventRenderOptions options)
    {
        ReadOnlySpan<ParamInfo> parameters = info.ParameterSpan;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(parameters[i].Name);
            text.Append('=');
            ParameterText.Append(ref text, evt, parameters[i], options);
        }
    }

    private static bool Complete(TextBuffer text, out int charsWritten)
    {
        charsWritten = text.Overflowed ? 0 : text.Length;
        return !text.Overflowed;
    }
}

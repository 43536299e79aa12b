using System;
using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// Appends text to a caller's span without allocating. Once something does not fit, the buffer
/// is full: later appends do nothing and <see cref="Overflowed"/> stays true, so a renderer can
/// write straight through and check once at the end.
/// </summary>
internal ref struct TextBuffer
{
    private readonly Span<char> _destination;
    private int _length;

    public TextBuffer(Span<char> destination)
    {
        _destination = destination;
        _length = 0;
        Overflowed = false;
    }

    /// <summary>How many characters were written.</summary>
    public readonly int Length => _length;

    /// <summary>Whether an append did not fit.</summary>
    public bool Overflowed { get; private set; }

    public void Append(char c)
    {
        if (Overflowed || _length >= _destination.Length)
        {
            Overflowed = true;
            return;
        }

        _destination[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (Overflowed || text.Length > _destination.Length - _length)
        {
            Overflowed = true;
            return;
        }

        text.CopyTo(_destination.Slice(_length));
        _length += text.Length;
    }

    /// <summary>Appends a number in the invariant culture, e.g. <c>"D"</c> or <c>"X"</c>.</summary>
    public void Append<T>(T value, scoped ReadOnlySpan<char> format = default)
        where T : ISpanFormattable
    {
        if (Overflowed || !value.TryFormat(_destination.Slice(_length), out int written, format, CultureInfo.InvariantCulture))
        {
            Overflowed = true;
            return;
        }

        _length += written;
    }

    /// <summary>
    /// Appends UTF-8 text decoded to UTF-16, invalid sequences as U+FFFD and control characters
    /// as <c>.</c>, so that the rendering of an event stays on one line.
    /// </summary>
    public void AppendUtf8(scoped ReadOnlySpan<byte> utf8)
    {
        if (Overflowed)
        {
            return;
        }

        Span<char> target = _destination.Slice(_length);
        OperationStatus status = Utf8.ToUtf16(utf8, target, out _, out int written, replaceInvalidSequences: true, isFinalBlock: true);
        if (status != OperationStatus.Done)
        {
            Overflowed = true;
            return;
        }

        ReplaceControlCharacters(target.Slice(0, written));
        _length += written;
    }

    /// <summary>Appends a string that may hold control characters (a caller's name), replacing them with <c>.</c>.</summary>
    public void AppendSanitized(scoped ReadOnlySpan<char> text)
    {
        int start = _length;
        Append(text);
        if (!Overflowed)
        {
            ReplaceControlCharacters(_destination.Slice(start, text.Length));
        }
    }

    private static void ReplaceControlCharacters(Span<char> text)
    {
        foreach (ref char c in text)
        {
            if (char.IsControl(c))
            {
                c = '.';
            }
        }
    }
}

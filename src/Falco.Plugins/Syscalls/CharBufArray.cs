using System;
using System.Collections.Generic;
using System.Text;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// Strings one after the other, each ended by a NUL (<c>PT_CHARBUFARRAY</c>; execve's
/// <c>args</c> and <c>env</c> byte buffers have the same layout). A view over the bytes: wrap
/// any such buffer with the constructor. A last string without its NUL is read up to the end.
/// </summary>
public readonly ref struct CharBufArray
{
    /// <summary>A view over strings laid out as <c>a\0b\0</c>.</summary>
    public CharBufArray(ReadOnlySpan<byte> encoded)
    {
        Encoded = encoded;
    }

    /// <summary>The strings as the event carries them, NULs included.</summary>
    public ReadOnlySpan<byte> Encoded { get; }

    /// <summary>The number of strings (counts them: linear in the size).</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (ReadOnlySpan<byte> item in this)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>The size of the strings in an event.</summary>
    public int EncodedLength => Encoded.Length;

    /// <summary>The strings in UTF-8, without their NULs, without allocating.</summary>
    public Enumerator GetEnumerator() => new(Encoded);

    /// <summary>The strings as .NET strings (allocates).</summary>
    public string[] ToArray()
    {
        var items = new List<string>();
        foreach (ReadOnlySpan<byte> item in this)
        {
            items.Add(Encoding.UTF8.GetString(item));
        }

        return items.ToArray();
    }

    /// <summary>The layout of <paramref name="items"/>: each in UTF-8 followed by a NUL.</summary>
    public static byte[] Encode(params string[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var bytes = new List<byte>();
        foreach (string item in items)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(item));
            bytes.Add(0);
        }

        return bytes.ToArray();
    }

    /// <summary>Walks NUL-terminated strings.</summary>
    public ref struct Enumerator
    {
        private ReadOnlySpan<byte> _remaining;

        internal Enumerator(ReadOnlySpan<byte> encoded)
        {
            _remaining = encoded;
            Current = default;
        }

        /// <summary>The current string, without its NUL.</summary>
        public ReadOnlySpan<byte> Current { get; private set; }

        /// <summary>Moves to the next string.</summary>
        public bool MoveNext()
        {
            if (_remaining.IsEmpty)
            {
                return false;
            }

            int nul = _remaining.IndexOf((byte)0);
            if (nul < 0)
            {
                Current = _remaining;
                _remaining = default;
            }
            else
            {
                Current = _remaining.Slice(0, nul);
                _remaining = _remaining.Slice(nul + 1);
            }

            return true;
        }
    }
}

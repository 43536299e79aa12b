using System;
using System.Collections.Generic;
using System.Text;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// Pairs of strings one after the other, each string ended by a NUL
/// (<c>PT_CHARBUF_PAIR_ARRAY</c>): <c>key\0value\0key\0value\0</c>. A view over the bytes; a
/// last key without a value reads with an empty value.
/// </summary>
public readonly ref struct CharBufPairArray
{
    /// <summary>A view over pairs laid out as <c>k\0v\0</c>.</summary>
    public CharBufPairArray(ReadOnlySpan<byte> encoded)
    {
        Encoded = encoded;
    }

    /// <summary>The pairs as the event carries them, NULs included.</summary>
    public ReadOnlySpan<byte> Encoded { get; }

    /// <summary>The number of pairs (counts them: linear in the size).</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (CharBufPair pair in this)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>The size of the pairs in an event.</summary>
    public int EncodedLength => Encoded.Length;

    /// <summary>The pairs, without allocating.</summary>
    public Enumerator GetEnumerator() => new(Encoded);

    /// <summary>The layout of <paramref name="pairs"/>: key and value each in UTF-8 followed by a NUL.</summary>
    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var bytes = new List<byte>();
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(pair.Key));
            bytes.Add(0);
            bytes.AddRange(Encoding.UTF8.GetBytes(pair.Value));
            bytes.Add(0);
        }

        return bytes.ToArray();
    }

    /// <summary>Walks the pairs.</summary>
    public ref struct Enumerator
    {
        private CharBufArray.Enumerator _strings;

        internal Enumerator(ReadOnlySpan<byte> encoded)
        {
            _strings = new CharBufArray(encoded).GetEnumerator();
            Current = default;
        }

        /// <summary>The current pair.</summary>
        public CharBufPair Current { get; private set; }

        /// <summary>Moves to the next pair.</summary>
        public bool MoveNext()
        {
            if (!_strings.MoveNext())
            {
                return false;
            }

            ReadOnlySpan<byte> key = _strings.Current;
            ReadOnlySpan<byte> value = _strings.MoveNext() ? _strings.Current : default;
            Current = new CharBufPair(key, value);
            return true;
        }
    }
}

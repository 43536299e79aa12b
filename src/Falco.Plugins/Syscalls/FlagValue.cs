using System;
using System.Text;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// The value of a flags, mode or enumeration parameter (<c>PT_FLAGS*</c>, <c>PT_MODE</c>,
/// <c>PT_ENUMFLAGS*</c>): the raw number and the table that names it. Reading the number
/// allocates nothing; names are resolved the way libsinsp resolves them, e.g.
/// <c>O_RDONLY|O_CLOEXEC</c>.
/// </summary>
public readonly struct FlagValue : IEquatable<FlagValue>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The raw number.</param>
    /// <param name="table">The table that names it, if any.</param>
    public FlagValue(uint value, FlagTable? table)
    {
        Value = value;
        Table = table;
    }

    /// <summary>The raw number.</summary>
    public uint Value { get; }

    /// <summary>The table that names the value; <see langword="null"/> when there is none.</summary>
    public FlagTable? Table { get; }

    /// <summary>Whether every bit of <paramref name="flag"/> is set in the value.</summary>
    public bool HasFlag(uint flag) => (Value & flag) == flag;

    /// <summary>The table entries that name the value, in table order, without allocating.</summary>
    public NameEnumerator GetNames() => new(Value, Table);

    /// <summary>
    /// Writes the names of the value joined by <c>|</c>; nothing when no entry matches.
    /// </summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        foreach (FlagEntry entry in GetNames())
        {
            int needed = entry.Name.Length + (charsWritten > 0 ? 1 : 0);
            if (destination.Length - charsWritten < needed)
            {
                charsWritten = 0;
                return false;
            }

            if (charsWritten > 0)
            {
                destination[charsWritten++] = '|';
            }

            entry.Name.CopyTo(destination.Slice(charsWritten));
            charsWritten += entry.Name.Length;
        }

        return true;
    }

    /// <summary>Writes the names of the value joined by <c>|</c> in UTF-8; nothing when no entry matches.</summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public bool TryFormatUtf8(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        foreach (FlagEntry entry in GetNames())
        {
            ReadOnlySpan<byte> name = entry.Utf8Name;
            int needed = name.Length + (bytesWritten > 0 ? 1 : 0);
            if (destination.Length - bytesWritten < needed)
            {
                bytesWritten = 0;
                return false;
            }

            if (bytesWritten > 0)
            {
                destination[bytesWritten++] = (byte)'|';
            }

            name.CopyTo(destination.Slice(bytesWritten));
            bytesWritten += name.Length;
        }

        return true;
    }

    /// <summary>The names of the value joined by <c>|</c>, e.g. <c>O_RDONLY|O_CLOEXEC</c>; empty when no entry matches.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (FlagEntry entry in GetNames())
        {
            if (text.Length > 0)
            {
                text.Append('|');
            }

            text.Append(entry.Name);
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(FlagValue other) => Value == other.Value && ReferenceEquals(Table, other.Table);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FlagValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Table);

    /// <summary>Whether two values have the same number and table.</summary>
    public static bool operator ==(FlagValue left, FlagValue right) => left.Equals(right);

    /// <summary>Whether two values differ in number or table.</summary>
    public static bool operator !=(FlagValue left, FlagValue right) => !left.Equals(right);

    /// <summary>
    /// Walks the entries that name a value. For a bitmask, an entry matches when all its bits
    /// are still set (its bits are then cleared, so that <c>O_RDWR</c> does not also yield
    /// <c>O_RDONLY</c>), a zero entry matches only a zero value, and the walk ends at the entry
    /// equal to the whole value. For an enumeration, every entry equal to the value matches.
    /// </summary>
    public struct NameEnumerator
    {
        private readonly FlagTable? _table;
        private readonly uint _initial;
        private uint _remaining;
        private int _next;
        private bool _done;

        internal NameEnumerator(uint value, FlagTable? table)
        {
            _table = table;
            _initial = value;
            _remaining = value;
            _next = 0;
            _done = table is null;
            Current = null!;
        }

        /// <summary>The current entry.</summary>
        public FlagEntry Current { get; private set; }

        /// <summary>Returns this enumerator, so that <see cref="FlagValue.GetNames"/> works in <c>foreach</c>.</summary>
        public readonly NameEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next matching entry.</summary>
        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            ReadOnlySpan<FlagEntry> entries = _table!.Span;
            bool exact = _table.Kind == FlagTableKind.Enumeration;
            while (_next < entries.Length)
            {
                FlagEntry entry = entries[_next++];
                if (exact)
                {
                    if (entry.Value == _initial)
                    {
                        Current = entry;
                        return true;
                    }

                    continue;
                }

                bool match = entry.Value == 0
                    ? _initial == 0
                    : _remaining != 0 && (_remaining & entry.Value) == entry.Value;
                if (match)
                {
                    _remaining &= ~entry.Value;
                    _done = entry.Value == _initial;
                    Current = entry;
                    return true;
                }
            }

            _done = true;
            return false;
        }
    }
}

using System;
using System.Buffers.Binary;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// A list of file descriptors (<c>PT_FDLIST</c>), as libscap lays it out: a little-endian 16-bit
/// count, then per entry the 64-bit fd and its 16-bit flags (10 bytes each). A list read from an
/// event is a view over the event's bytes.
/// </summary>
public readonly ref struct FdList
{
    private const int EntrySize = 10;

    // Either the entries as the event carries them (after the count), or entries given by the caller.
    private readonly ReadOnlySpan<byte> _wire;
    private readonly ReadOnlySpan<FdListEntry> _entries;
    private readonly bool _fromEntries;

    private FdList(ReadOnlySpan<byte> wire, ReadOnlySpan<FdListEntry> entries, bool fromEntries)
    {
        _wire = wire;
        _entries = entries;
        _fromEntries = fromEntries;
    }

    /// <summary>The number of entries.</summary>
    public int Count => _fromEntries ? _entries.Length : _wire.Length / EntrySize;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or not below <see cref="Count"/>.</exception>
    public FdListEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (_fromEntries)
            {
                return _entries[index];
            }

            ReadOnlySpan<byte> entry = _wire.Slice(index * EntrySize, EntrySize);
            return new FdListEntry(BinaryPrimitives.ReadInt64LittleEndian(entry), BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(8)));
        }
    }

    /// <summary>A list of the given entries, for encoding.</summary>
    /// <exception cref="ArgumentException">There are more than 65535 entries.</exception>
    public static FdList FromEntries(ReadOnlySpan<FdListEntry> entries)
    {
        if (entries.Length > ushort.MaxValue)
        {
            throw new ArgumentException("A fd list holds at most 65535 entries.", nameof(entries));
        }

        return new FdList(default, entries, fromEntries: true);
    }

    /// <summary>The entries in order, without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>The size of the list in an event.</summary>
    public int EncodedLength => 2 + (Count * EntrySize);

    /// <summary>Writes the list as an event carries it; <paramref name="destination"/> holds at least <see cref="EncodedLength"/> bytes.</summary>
    internal void WriteTo(Span<byte> destination)
    {
        int count = Count;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)count);
        for (int i = 0; i < count; i++)
        {
            FdListEntry entry = this[i];
            Span<byte> target = destination.Slice(2 + (i * EntrySize), EntrySize);
            BinaryPrimitives.WriteInt64LittleEndian(target, entry.Fd);
            BinaryPrimitives.WriteUInt16LittleEndian(target.Slice(8), entry.Flags);
        }
    }

    /// <summary>Reads a list from a parameter's bytes; false unless they hold exactly the count and its entries.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> bytes, out FdList value)
    {
        value = default;
        if (bytes.Length < 2)
        {
            return false;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        if (bytes.Length != 2 + (count * EntrySize))
        {
            return false;
        }

        value = new FdList(bytes.Slice(2), default, fromEntries: false);
        return true;
    }

    /// <summary>Walks the entries of a <see cref="FdList"/>.</summary>
    public ref struct Enumerator
    {
        private readonly FdList _list;
        private int _index;

        internal Enumerator(FdList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current entry.</summary>
        public readonly FdListEntry Current => _list[_index];

        /// <summary>Moves to the next entry.</summary>
        public bool MoveNext() => ++_index < _list.Count;
    }
}

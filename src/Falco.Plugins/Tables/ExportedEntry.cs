using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>
/// An entry of a table the plugin exports. Values live in one 8-byte slot per field; string
/// values are native UTF-8 copies. A string handed to another plugin stays valid while that
/// plugin holds the entry, even if the value is overwritten meanwhile: such an old copy is
/// freed when the last holder releases the entry. Copies nobody was handed are freed at once,
/// so rewriting a held entry does not grow memory.
/// </summary>
public abstract unsafe class ExportedEntry
{
    private static readonly byte* EmptyString = (byte*)NativeMemory.AllocZeroed(1);

    private readonly ExportedTableBase _table;
    private ulong[] _slots;
    private List<nint>? _retired;
    private ulong _exposedSlots;
    private GCHandle _handle;
    private int _holders;

    private protected ExportedEntry(ExportedTableBase table, int slots)
    {
        _table = table;
        _slots = new ulong[Math.Max(slots, 1)];
    }

    /// <summary>Whether the entry is in its table (false once removed, or before a detached entry is added).</summary>
    public bool IsInTable { get; internal set; }

    /// <summary>Reads <paramref name="field"/>.</summary>
    public T Get<T>(ExportedField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        using (_table.Lock())
        {
            StateData data = default;
            Read(field, &data);
            return StateValues.Read<T>(&data);
        }
    }

    /// <summary>Writes <paramref name="field"/> (the owner may write read-only fields).</summary>
    public void Set<T>(ExportedField<T> field, T value)
    {
        ArgumentNullException.ThrowIfNull(field);
        using (_table.Lock())
        {
            if (typeof(T) == typeof(string))
            {
                WriteString(field, (string?)(object?)value ?? string.Empty);
                return;
            }

            StateData data = default;
            StateValues.Write(&data, value);
            Slot(field.Slot) = data.U64;
        }
    }

    internal void* Handle
    {
        get
        {
            if (!_handle.IsAllocated)
            {
                _handle = GCHandle.Alloc(this);
            }

            return (void*)GCHandle.ToIntPtr(_handle);
        }
    }

    internal static ExportedEntry? FromHandle(void* handle) =>
        handle is null ? null : GCHandle.FromIntPtr((nint)handle).Target as ExportedEntry;

    /// <summary>Old string copies kept alive for holders that were handed them.</summary>
    internal int RetiredStrings => _retired?.Count ?? 0;

    internal void Hold() => _holders++;

    internal void Release()
    {
        if (_holders > 0 && --_holders == 0)
        {
            FreeRetired();
            if (!IsInTable)
            {
                Discard();
            }
        }
    }

    internal void Read(ExportedField field, StateData* data)
    {
        ulong value = field.Slot < _slots.Length ? _slots[field.Slot] : 0;
        if (field.Type == StateType.String)
        {
            data->Str = value == 0 ? EmptyString : (byte*)value;
        }
        else
        {
            data->U64 = value;
        }
    }

    /// <summary>Reads <paramref name="field"/> for another plugin, which may keep a string until it releases the entry.</summary>
    internal void Expose(ExportedField field, StateData* data)
    {
        Read(field, data);
        if (field.Type == StateType.String && field.Slot < 64)
        {
            _exposedSlots |= 1UL << field.Slot;
        }
    }

    internal void Write(ExportedField field, StateData* data)
    {
        if (field.Type == StateType.String)
        {
            WriteString(field, data->Str is null ? ReadOnlySpan<byte>.Empty : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(data->Str));
            return;
        }

        // Keep only the bytes of the field's type, as reads of wider types would otherwise see garbage.
        Slot(field.Slot) = field.Type switch
        {
            StateType.Int8 or StateType.UInt8 => data->U8,
            StateType.Int16 or StateType.UInt16 => data->U16,
            StateType.Int32 or StateType.UInt32 => data->U32,
            StateType.Bool => data->B != 0 ? 1u : 0u,
            _ => data->U64,
        };
    }

    /// <summary>Called when the entry leaves its table: frees its values unless someone still holds it.</summary>
    internal void Removed()
    {
        IsInTable = false;
        if (_holders == 0)
        {
            Discard();
        }
    }

    private void WriteString(ExportedField field, string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        byte* copy = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(value, new Span<byte>(copy, length));
        copy[length] = 0;
        ReplaceString(field, copy);
    }

    private void WriteString(ExportedField field, ReadOnlySpan<byte> utf8)
    {
        byte* copy = (byte*)NativeMemory.Alloc((nuint)utf8.Length + 1);
        utf8.CopyTo(new Span<byte>(copy, utf8.Length));
        copy[utf8.Length] = 0;
        ReplaceString(field, copy);
    }

    private void ReplaceString(ExportedField field, byte* copy)
    {
        ref ulong slot = ref Slot(field.Slot);
        if (slot != 0)
        {
            // Slots past the bit mask are not tracked, so they are treated as exposed.
            bool exposed = field.Slot >= 64 || (_exposedSlots & (1UL << field.Slot)) != 0;
            if (_holders > 0 && exposed)
            {
                (_retired ??= new List<nint>()).Add((nint)slot);
            }
            else
            {
                NativeMemory.Free((void*)slot);
            }
        }

        slot = (ulong)copy;
        if (field.Slot < 64)
        {
            _exposedSlots &= ~(1UL << field.Slot);
        }
    }

    private ref ulong Slot(int index)
    {
        if (index >= _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(index + 1, _slots.Length * 2));
        }

        return ref _slots[index];
    }

    private void FreeRetired()
    {
        _exposedSlots = 0;
        if (_retired is null)
        {
            return;
        }

        foreach (nint pointer in _retired)
        {
            NativeMemory.Free((void*)pointer);
        }

        _retired.Clear();
    }

    /// <summary>Frees the strings and the handle of an entry no one can reach any more.</summary>
    internal void Discard()
    {
        FreeRetired();
        foreach (ExportedField field in _table.FieldList)
        {
            if (field.Type == StateType.String && field.Slot < _slots.Length && _slots[field.Slot] != 0)
            {
                NativeMemory.Free((void*)_slots[field.Slot]);
                _slots[field.Slot] = 0;
            }
        }

        if (_handle.IsAllocated)
        {
            _handle.Free();
        }
    }
}

/// <summary>An entry of an exported table with keys of type <typeparamref name="TKey"/>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class ExportedEntry<TKey> : ExportedEntry
{
    internal ExportedEntry(ExportedTableBase table, TKey key, int slots)
        : base(table, slots)
    {
        Key = key;
    }

    /// <summary>The entry's key.</summary>
    public TKey Key { get; internal set; }
}

using System;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// One entry of a host-owned table: a value per static field and per dynamic field of its
/// schema. Strings are kept as .NET strings plus a native UTF-8 copy made on first read; the
/// copy stays valid until the field is written again or the entry is gone (collected, or the
/// host disposed), which is at least as long as libsinsp keeps its <c>c_str()</c>.
/// </summary>
internal sealed unsafe class HostEntry : TableEntry
{
    private readonly FieldValue[] _static;
    private FieldValue[] _dynamic = [];

    public HostEntry(TableSchema schema)
    {
        Schema = schema;
        _static = new FieldValue[schema.StaticFields.Count];
        foreach (FieldDefinition field in schema.StaticFields)
        {
            ref FieldValue slot = ref _static[field.Index];
            slot.Bits = field.DefaultBits;
            slot.Table = field.NestedTable?.Invoke();
        }
    }

    ~HostEntry() => FreeNativeStrings();

    public TableSchema Schema { get; }

    /// <summary>The .NET value of <paramref name="field"/> (string, bool, a number of the field's width, or the nested <see cref="HostTable"/>).</summary>
    public object? Get(FieldDefinition field)
    {
        if (!HasValue(field))
        {
            return field.Type == StateType.String ? string.Empty : StateValueCodec.ToObject(field.Type, 0);
        }

        ref FieldValue slot = ref Slot(field);
        return field.Type switch
        {
            StateType.String => slot.Text ?? string.Empty,
            StateType.Table => slot.Table,
            _ => StateValueCodec.ToObject(field.Type, slot.Bits),
        };
    }

    /// <summary>Sets <paramref name="field"/> from .NET code; read-only fields may be seeded this way, table fields may not.</summary>
    public void Set(FieldDefinition field, object? value)
    {
        if (field.Type == StateType.Table)
        {
            throw new InvalidOperationException($"the table field '{field.Name}' can't be replaced");
        }

        ref FieldValue slot = ref WritableSlot(field);
        if (field.Type == StateType.String)
        {
            SetText(ref slot, value as string ?? throw new ArgumentException($"field '{field.Name}' is a string", nameof(value)));
        }
        else
        {
            slot.Bits = StateValueCodec.FromObject(field.Type, value ?? throw new ArgumentNullException(nameof(value)));
        }
    }

    public HostTable? NestedTable(FieldDefinition field) => field.Type == StateType.Table ? Get(field) as HostTable : null;

    /// <summary>read_entry_field for scalars and strings; table fields are bound by the caller.</summary>
    public void Read(FieldDefinition field, StateData* output)
    {
        bool hasValue = HasValue(field);
        if (field.Type != StateType.String)
        {
            StateValueCodec.WriteBits(field.Type, hasValue ? Slot(field).Bits : 0, output);
            return;
        }

        if (!hasValue || string.IsNullOrEmpty(Slot(field).Text))
        {
            // A never-written string reads as "" (the libsinsp tests expect it; never NULL here).
            output->Str = NativeUtf8.Empty;
            return;
        }

        ref FieldValue slot = ref Slot(field);
        if (slot.NativeText is null)
        {
            slot.NativeText = NativeUtf8.Allocate(slot.Text!);
        }

        output->Str = slot.NativeText;
    }

    /// <summary>write_entry_field for scalars and strings: the input is copied (libsinsp turns a NULL string into "").</summary>
    public void Write(FieldDefinition field, StateData* input)
    {
        ref FieldValue slot = ref WritableSlot(field);
        if (field.Type == StateType.String)
        {
            SetText(ref slot, NativeUtf8.Read(input->Str));
        }
        else
        {
            slot.Bits = StateValueCodec.ReadBits(field.Type, input);
        }
    }

    /// <summary>Frees the native string copies; later reads make new ones.</summary>
    public void FreeNativeStrings()
    {
        FreeAll(_static);
        FreeAll(_dynamic);
    }

    private static void FreeAll(FieldValue[] slots)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            NativeUtf8.Free(slots[i].NativeText);
            slots[i].NativeText = null;
        }
    }

    private static void SetText(ref FieldValue slot, string text)
    {
        // The old copy dies with the write, as libsinsp's std::string or strdup'd buffer does.
        NativeUtf8.Free(slot.NativeText);
        slot.NativeText = null;
        slot.Text = text;
    }

    /// <summary>
    /// Whether <paramref name="field"/> has storage in this entry. Dynamic slots are made on
    /// first write, so a field defined after the entry was made reads as zero or "" until then.
    /// </summary>
    private bool HasValue(FieldDefinition field)
    {
        if (field.Schema != Schema)
        {
            throw new TableApiException($"field '{field.Name}' does not belong to table '{Schema.TableName}'");
        }

        return !field.IsDynamic || field.Index < _dynamic.Length;
    }

    private ref FieldValue Slot(FieldDefinition field) => ref field.IsDynamic ? ref _dynamic[field.Index] : ref _static[field.Index];

    private ref FieldValue WritableSlot(FieldDefinition field)
    {
        if (!HasValue(field))
        {
            Array.Resize(ref _dynamic, Schema.DynamicFieldCount);
        }

        return ref Slot(field);
    }

    /// <summary>The storage of one field value.</summary>
    private struct FieldValue
    {
        public ulong Bits;
        public string? Text;
        public byte* NativeText;
        public HostTable? Table;
    }
}

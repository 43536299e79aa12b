using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Falco.Plugins.Tables;

/// <summary>A field of a table the plugin exports, declared by the plugin or added by another one.</summary>
public abstract unsafe class ExportedField
{
    private GCHandle _handle;
    private byte* _name;

    private protected ExportedField(string name, StateType type, bool readOnly, int slot, bool dynamic)
    {
        Name = name;
        Type = type;
        ReadOnly = readOnly;
        Slot = slot;
        IsDynamic = dynamic;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The value type.</summary>
    public StateType Type { get; }

    /// <summary>Whether other plugins may only read it (the owner always writes it).</summary>
    public bool ReadOnly { get; }

    /// <summary>Whether another plugin added it at run time (rather than the owner declaring it).</summary>
    public bool IsDynamic { get; }

    internal int Slot { get; }

    /// <summary>The name as a C string, allocated when the framework first needs it.</summary>
    internal byte* NameUtf8
    {
        get
        {
            if (_name is null)
            {
                byte[] utf8 = Encoding.UTF8.GetBytes(Name + "\0");
                _name = (byte*)NativeMemory.Alloc((nuint)utf8.Length);
                utf8.CopyTo(new Span<byte>(_name, utf8.Length));
            }

            return _name;
        }
    }

    /// <summary>The handle given to the framework as <c>ss_plugin_table_field_t*</c>, allocated on first use.</summary>
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

    internal static ExportedField? FromHandle(void* handle) =>
        handle is null ? null : GCHandle.FromIntPtr((nint)handle).Target as ExportedField;

    /// <summary>Frees the native name and the handle given to the framework, when the table goes away.</summary>
    internal void Release()
    {
        if (_handle.IsAllocated)
        {
            _handle.Free();
        }

        NativeMemory.Free(_name);
        _name = null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A typed field of a table the plugin exports.</summary>
/// <typeparam name="T">sbyte, short, int, long, byte, ushort, uint, ulong, bool or string.</typeparam>
public sealed class ExportedField<T> : ExportedField
{
    internal ExportedField(string name, bool readOnly, int slot, bool dynamic)
        : base(name, StateValues.TypeOf<T>(), readOnly, slot, dynamic)
    {
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Text;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tables;

/// <summary>
/// Conversions between .NET values and <c>ss_plugin_state_data</c>, for the key and field types
/// the table API supports. The type switches fold away in each generic instantiation.
/// </summary>
internal static unsafe class StateValues
{
    /// <summary>The state type of <typeparamref name="T"/>, or throws for unsupported types.</summary>
    public static StateType TypeOf<T>() =>
        typeof(T) == typeof(sbyte) ? StateType.Int8
        : typeof(T) == typeof(short) ? StateType.Int16
        : typeof(T) == typeof(int) ? StateType.Int32
        : typeof(T) == typeof(long) ? StateType.Int64
        : typeof(T) == typeof(byte) ? StateType.UInt8
        : typeof(T) == typeof(ushort) ? StateType.UInt16
        : typeof(T) == typeof(uint) ? StateType.UInt32
        : typeof(T) == typeof(ulong) ? StateType.UInt64
        : typeof(T) == typeof(bool) ? StateType.Bool
        : typeof(T) == typeof(string) ? StateType.String
        : throw new NotSupportedException($"{typeof(T).Name} is not a table key or field type: use sbyte, short, int, long, byte, ushort, uint, ulong, bool or string");

    /// <summary>Stores a non-string value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(StateData* data, T value)
    {
        if (typeof(T) == typeof(sbyte)) { data->S8 = Unsafe.As<T, sbyte>(ref value); return; }
        if (typeof(T) == typeof(short)) { data->S16 = Unsafe.As<T, short>(ref value); return; }
        if (typeof(T) == typeof(int)) { data->S32 = Unsafe.As<T, int>(ref value); return; }
        if (typeof(T) == typeof(long)) { data->S64 = Unsafe.As<T, long>(ref value); return; }
        if (typeof(T) == typeof(byte)) { data->U8 = Unsafe.As<T, byte>(ref value); return; }
        if (typeof(T) == typeof(ushort)) { data->U16 = Unsafe.As<T, ushort>(ref value); return; }
        if (typeof(T) == typeof(uint)) { data->U32 = Unsafe.As<T, uint>(ref value); return; }
        if (typeof(T) == typeof(ulong)) { data->U64 = Unsafe.As<T, ulong>(ref value); return; }
        if (typeof(T) == typeof(bool)) { data->B = Unsafe.As<T, bool>(ref value) ? 1u : 0u; return; }
        throw new NotSupportedException($"{typeof(T).Name} values are not stored directly");
    }

    /// <summary>Reads a value; strings are copied into a managed string (NULL reads as "").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(StateData* data)
    {
        if (typeof(T) == typeof(sbyte)) { sbyte v = data->S8; return Unsafe.As<sbyte, T>(ref v); }
        if (typeof(T) == typeof(short)) { short v = data->S16; return Unsafe.As<short, T>(ref v); }
        if (typeof(T) == typeof(int)) { int v = data->S32; return Unsafe.As<int, T>(ref v); }
        if (typeof(T) == typeof(long)) { long v = data->S64; return Unsafe.As<long, T>(ref v); }
        if (typeof(T) == typeof(byte)) { byte v = data->U8; return Unsafe.As<byte, T>(ref v); }
        if (typeof(T) == typeof(ushort)) { ushort v = data->U16; return Unsafe.As<ushort, T>(ref v); }
        if (typeof(T) == typeof(uint)) { uint v = data->U32; return Unsafe.As<uint, T>(ref v); }
        if (typeof(T) == typeof(ulong)) { ulong v = data->U64; return Unsafe.As<ulong, T>(ref v); }
        if (typeof(T) == typeof(bool)) { bool v = data->B != 0; return Unsafe.As<bool, T>(ref v); }
        if (typeof(T) == typeof(string)) { return (T)(object)Hosting.Utf8Interop.ToString(data->Str); }
        throw new NotSupportedException($"{typeof(T).Name} is not a table field type");
    }

    /// <summary>The bytes of a string value, valid as long as the table keeps them (NULL reads as empty).</summary>
    public static ReadOnlySpan<byte> ReadUtf8(StateData* data) => Hosting.Utf8Interop.Span(data->Str);

    /// <summary>The number of bytes a string needs as a C string.</summary>
    public static int CStringSize(string value) => Encoding.UTF8.GetByteCount(value) + 1;

    /// <summary>Writes <paramref name="value"/> as a NUL-terminated UTF-8 string into <paramref name="buffer"/>.</summary>
    public static void WriteCString(string value, Span<byte> buffer)
    {
        int written = Encoding.UTF8.GetBytes(value, buffer);
        buffer[written] = 0;
    }

    /// <summary>The state type's name as the framework spells it in messages.</summary>
    public static string Name(StateType type) => type switch
    {
        StateType.Int8 => "int8",
        StateType.Int16 => "int16",
        StateType.Int32 => "int32",
        StateType.Int64 => "int64",
        StateType.UInt8 => "uint8",
        StateType.UInt16 => "uint16",
        StateType.UInt32 => "uint32",
        StateType.UInt64 => "uint64",
        StateType.String => "string",
        StateType.Table => "table",
        StateType.Bool => "bool",
        _ => $"type {(uint)type}",
    };
}

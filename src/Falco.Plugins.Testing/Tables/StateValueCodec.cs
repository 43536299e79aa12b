using System;
using System.Globalization;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// Converts scalar state values between the <c>ss_plugin_state_data</c> union, the 64 bits the
/// host stores them in (signed types sign-extended, bools as 0/1), and boxed .NET values.
/// </summary>
internal static unsafe class StateValueCodec
{
    public static ulong ReadBits(StateType type, StateData* data) => type switch
    {
        StateType.Int8 => (ulong)(long)data->S8,
        StateType.Int16 => (ulong)(long)data->S16,
        StateType.Int32 => (ulong)(long)data->S32,
        StateType.Int64 => (ulong)data->S64,
        StateType.UInt8 => data->U8,
        StateType.UInt16 => data->U16,
        StateType.UInt32 => data->U32,
        StateType.UInt64 => data->U64,
        StateType.Bool => data->B != 0 ? 1UL : 0UL,
        _ => throw new TableApiException("can't convert plugin state type to typeinfo: " + (uint)type),
    };

    public static void WriteBits(StateType type, ulong bits, StateData* data)
    {
        switch (type)
        {
            case StateType.Int8: data->S8 = (sbyte)bits; break;
            case StateType.Int16: data->S16 = (short)bits; break;
            case StateType.Int32: data->S32 = (int)bits; break;
            case StateType.Int64: data->S64 = (long)bits; break;
            case StateType.UInt8: data->U8 = (byte)bits; break;
            case StateType.UInt16: data->U16 = (ushort)bits; break;
            case StateType.UInt32: data->U32 = (uint)bits; break;
            case StateType.UInt64: data->U64 = bits; break;
            case StateType.Bool: data->B = bits != 0 ? 1u : 0u; break;
            default: throw new TableApiException("can't convert plugin state type to typeinfo: " + (uint)type);
        }
    }

    /// <summary>The .NET value of <paramref name="bits"/>: sbyte, short, int, long, byte, ushort, uint, ulong or bool.</summary>
    public static object ToObject(StateType type, ulong bits) => type switch
    {
        StateType.Int8 => (sbyte)bits,
        StateType.Int16 => (short)bits,
        StateType.Int32 => (int)bits,
        StateType.Int64 => (long)bits,
        StateType.UInt8 => (byte)bits,
        StateType.UInt16 => (ushort)bits,
        StateType.UInt32 => (uint)bits,
        StateType.UInt64 => bits,
        StateType.Bool => bits != 0,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a scalar state type"),
    };

    /// <summary>Converts any .NET number (or bool) to the bits of <paramref name="type"/>, refusing values out of range.</summary>
    public static ulong FromObject(StateType type, object value)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            StateType.Int8 => (ulong)(long)Convert.ToSByte(value, invariant),
            StateType.Int16 => (ulong)(long)Convert.ToInt16(value, invariant),
            StateType.Int32 => (ulong)(long)Convert.ToInt32(value, invariant),
            StateType.Int64 => (ulong)Convert.ToInt64(value, invariant),
            StateType.UInt8 => Convert.ToByte(value, invariant),
            StateType.UInt16 => Convert.ToUInt16(value, invariant),
            StateType.UInt32 => Convert.ToUInt32(value, invariant),
            StateType.UInt64 => Convert.ToUInt64(value, invariant),
            StateType.Bool => Convert.ToBoolean(value, invariant) ? 1UL : 0UL,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a scalar state type"),
        };
    }
}

using System.Globalization;

namespace Falco.Plugins.Testing.Tables;

/// <summary>The names libsinsp prints for state types, and which numbers are state types at all.</summary>
internal static class StateTypeNames
{
    /// <summary>libsinsp's typeinfo name of <paramref name="type"/> (newest spelling: int8 … uint64, string, table, bool).</summary>
    public static string Of(StateType type) => type switch
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
        _ => ((uint)type).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Whether libsinsp can convert <paramref name="type"/> to a typeinfo.</summary>
    public static bool IsKnown(StateType type) =>
        type is >= StateType.Int8 and <= StateType.Table or StateType.Bool;

    /// <summary>Throws libsinsp's message for a number that is no state type.</summary>
    public static void RequireKnown(StateType type)
    {
        if (!IsKnown(type))
        {
            throw new TableApiException("can't convert plugin state type to typeinfo: " + ((uint)type).ToString(CultureInfo.InvariantCulture));
        }
    }
}

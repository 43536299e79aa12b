namespace Falco.Plugins;

/// <summary>
/// The type of a state table key or field, with the numbers of the plugin API's
/// <c>ss_plugin_state_type</c>.
/// </summary>
public enum StateType : uint
{
    /// <summary>A signed 8-bit integer.</summary>
    Int8 = 1,

    /// <summary>A signed 16-bit integer.</summary>
    Int16 = 2,

    /// <summary>A signed 32-bit integer.</summary>
    Int32 = 3,

    /// <summary>A signed 64-bit integer.</summary>
    Int64 = 4,

    /// <summary>An unsigned 8-bit integer.</summary>
    UInt8 = 5,

    /// <summary>An unsigned 16-bit integer.</summary>
    UInt16 = 6,

    /// <summary>An unsigned 32-bit integer.</summary>
    UInt32 = 7,

    /// <summary>An unsigned 64-bit integer.</summary>
    UInt64 = 8,

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    String = 9,

    /// <summary>A nested table (API 3.5 and later).</summary>
    Table = 10,

    /// <summary>A boolean (<c>ss_plugin_bool</c>, 4 bytes).</summary>
    Bool = 25,
}

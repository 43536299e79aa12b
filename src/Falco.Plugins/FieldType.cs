namespace Falco.Plugins;

/// <summary>
/// The type of an extracted field's values, with the numbers of the plugin API's
/// <c>ss_plugin_field_type</c>.
/// </summary>
public enum FieldType : uint
{
    /// <summary>The type is inferred from the extractor method's return type.</summary>
    Inferred = 0,

    /// <summary>An unsigned 64-bit integer (<c>uint64</c>).</summary>
    UInt64 = 8,

    /// <summary>A NUL-terminated UTF-8 string (<c>string</c>).</summary>
    String = 9,

    /// <summary>A relative time in nanoseconds (<c>reltime</c>).</summary>
    RelTime = 20,

    /// <summary>An absolute time in nanoseconds since the Unix epoch (<c>abstime</c>).</summary>
    AbsTime = 21,

    /// <summary>A boolean (<c>bool</c>).</summary>
    Bool = 25,

    /// <summary>An IPv4 or IPv6 address (<c>ipaddr</c>): 4 or 16 bytes in network order.</summary>
    IPAddress = 40,

    /// <summary>An IPv4 or IPv6 network (<c>ipnet</c>).</summary>
    IPNetwork = 41,
}

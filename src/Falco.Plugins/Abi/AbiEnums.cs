namespace Falco.Plugins.Abi;

/// <summary><c>ss_plugin_rc</c>: the result code of most plugin API functions.</summary>
internal enum PluginRc : int
{
    Success = 0,
    Failure = 1,
    Timeout = -1,
    Eof = 2,
    NotSupported = 3,
}

/// <summary><c>ss_plugin_schema_type</c>: the format of the schema returned by <c>get_init_schema</c>.</summary>
internal enum SchemaType : uint
{
    None = 0,
    Json = 1,
}

/// <summary><c>ss_plugin_metric_type</c>.</summary>
internal enum MetricType : uint
{
    Monotonic = 0,
    NonMonotonic = 1,
}

/// <summary><c>ss_plugin_metric_value_type</c>.</summary>
internal enum MetricValueType : uint
{
    U32 = 0,
    S32 = 1,
    U64 = 2,
    S64 = 3,
    Double = 4,
    Float = 5,
    Int = 6,
}

namespace Falco.Plugins.Testing;

/// <summary><c>ss_plugin_metric_value_type</c>: which member of the value union holds the value.</summary>
public enum PluginMetricValueType
{
    /// <summary><c>uint32_t</c>.</summary>
    UInt32 = 0,

    /// <summary><c>int32_t</c>.</summary>
    Int32 = 1,

    /// <summary><c>uint64_t</c>.</summary>
    UInt64 = 2,

    /// <summary><c>int64_t</c>.</summary>
    Int64 = 3,

    /// <summary><c>double</c>.</summary>
    Double = 4,

    /// <summary><c>float</c>.</summary>
    Float = 5,

    /// <summary><c>int</c>.</summary>
    Int = 6,
}

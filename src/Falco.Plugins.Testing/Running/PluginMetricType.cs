namespace Falco.Plugins.Testing;

/// <summary><c>ss_plugin_metric_type</c>.</summary>
public enum PluginMetricType
{
    /// <summary>A counter: the value only grows.</summary>
    Monotonic = 0,

    /// <summary>A gauge: the value goes up and down.</summary>
    NonMonotonic = 1,
}

namespace Falco.Plugins.Testing;

/// <summary>One metric of <see cref="Plugin.GetMetrics"/>, as libsinsp reads it.</summary>
/// <param name="Name">The name libsinsp reports: <c>&lt;plugin name&gt;.&lt;metric name&gt;</c>.</param>
/// <param name="RawName">The name the plugin gave.</param>
/// <param name="Type">Whether the value only grows.</param>
/// <param name="ValueType">Which member of the value union the plugin set.</param>
/// <param name="Value">The value, boxed as its type: <see cref="uint"/>, <see cref="int"/>, <see cref="ulong"/>, <see cref="long"/>, <see cref="double"/>, <see cref="float"/>, or <see cref="int"/> for <see cref="PluginMetricValueType.Int"/>.</param>
public sealed record PluginMetric(string Name, string RawName, PluginMetricType Type, PluginMetricValueType ValueType, object Value);

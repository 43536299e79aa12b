using System.Collections.Generic;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing;

// get_metrics (API 3.6).
public sealed unsafe partial class Plugin
{
    /// <summary>
    /// The plugin's metrics (<c>plugin_get_metrics</c>), named <c>&lt;plugin&gt;.&lt;metric&gt;</c> as
    /// libsinsp names them. Like libsinsp, a plugin without get_metrics, or one returning NULL or
    /// no metrics, has none.
    /// </summary>
    /// <exception cref="PluginHostException">A metric has a value type the API does not define (libsinsp would pass the number through).</exception>
    public IReadOnlyList<PluginMetric> GetMetrics()
    {
        void* state = State;
        if (Api.GetMetrics is null)
        {
            return [];
        }

        uint count = 0;
        Metric* metrics = Api.GetMetrics(state, &count);
        var result = new List<PluginMetric>();
        for (uint i = 0; metrics is not null && i < count; i++)
        {
            string rawName = PluginLibrary.Str(metrics[i].Name);
            result.Add(new PluginMetric(
                $"{Info.Name}.{rawName}",
                rawName,
                (PluginMetricType)metrics[i].Type,
                (PluginMetricValueType)metrics[i].ValueType,
                Value(rawName, metrics[i].ValueType, metrics[i].Value)));
        }

        return result;
    }

    private object Value(string name, MetricValueType type, MetricValue value) => type switch
    {
        // Each arm boxes its own type: without the casts the arms would all convert to double.
        MetricValueType.U32 => (object)value.U32,
        MetricValueType.S32 => (object)value.S32,
        MetricValueType.U64 => (object)value.U64,
        MetricValueType.S64 => (object)value.S64,
        MetricValueType.Double => (object)value.D,
        MetricValueType.Float => (object)value.F,
        MetricValueType.Int => (object)value.I,
        _ => throw new PluginHostException($"plugin {Info.Name} returned metric '{name}' with the unknown value type {(uint)type}"),
    };
}

using System.Linq;
using Falco.Plugins.Testing.Tests.Infrastructure;
using static Falco.Plugins.Testing.Tests.Infrastructure.AsyncPluginCommands;

namespace Falco.Plugins.Testing.Tests;

/// <summary>plugin_get_metrics (API 3.6), named and typed as libsinsp reads them.</summary>
public sealed class MetricsTests
{
    [Fact]
    public void Each_value_type_is_read_from_its_member_of_the_union()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        var metrics = plugin.GetMetrics();

        Assert.Equal(["ap.u32", "ap.s32", "ap.u64", "ap.s64", "ap.d", "ap.f", "ap.i"], metrics.Select(m => m.Name));
        Assert.Equal(["u32", "s32", "u64", "s64", "d", "f", "i"], metrics.Select(m => m.RawName));
        Assert.Equal(
            [PluginMetricValueType.UInt32, PluginMetricValueType.Int32, PluginMetricValueType.UInt64, PluginMetricValueType.Int64,
             PluginMetricValueType.Double, PluginMetricValueType.Float, PluginMetricValueType.Int],
            metrics.Select(m => m.ValueType));
        Assert.Equal(new object[] { 4000000000u, -5, 1UL << 40, -(1L << 40), 2.5, 1.5f, -7 }, metrics.Select(m => m.Value));
    }

    [Fact]
    public void The_metric_type_says_whether_the_value_only_grows()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async);

        var metrics = plugin.GetMetrics();

        Assert.Equal(PluginMetricType.Monotonic, metrics.Single(m => m.RawName == "u64").Type);
        Assert.Equal(PluginMetricType.NonMonotonic, metrics.Single(m => m.RawName == "d").Type);
    }

    [Fact]
    public void Null_with_a_count_of_zero_is_no_metrics()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.Async, Mode("nometrics"));

        Assert.Empty(plugin.GetMetrics());
    }

    [Fact]
    public void A_plugin_without_get_metrics_has_none()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);

        Assert.Empty(plugin.GetMetrics());
    }
}

using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Diagnostics;

/// <summary>Metrics as get_metrics reports them.</summary>
public sealed unsafe class PluginMetricsTests
{
    private static (string Name, MetricType Type, MetricValueType ValueType, MetricValue Value)[] Collect(PluginMetrics metrics)
    {
        Metric* array = metrics.Collect(out uint count);
        return Enumerable.Range(0, (int)count)
            .Select(i => (Marshal.PtrToStringUTF8((nint)array[i].Name)!, array[i].Type, array[i].ValueType, array[i].Value))
            .ToArray();
    }

    [Fact]
    public void Explicit_instruments_report_their_type_and_value()
    {
        using var metrics = new PluginMetrics("p");
        MetricCounter counter = metrics.Counter("events");
        MetricGauge gauge = metrics.Gauge("open");
        MetricDoubleGauge ratio = metrics.DoubleGauge("ratio");
        metrics.ObserveGauge("temperature", () => 21.5);
        metrics.ObserveCounter("total", () => 99);
        counter.Add(5);
        counter.Increment();
        gauge.Set(10);
        gauge.Add(-13);
        ratio.Set(0.25);

        var collected = Collect(metrics).ToDictionary(m => m.Name);

        Assert.Equal((MetricType.Monotonic, MetricValueType.U64, 6ul), (collected["events"].Type, collected["events"].ValueType, collected["events"].Value.U64));
        Assert.Equal((MetricType.NonMonotonic, MetricValueType.S64, -3L), (collected["open"].Type, collected["open"].ValueType, collected["open"].Value.S64));
        Assert.Equal((MetricType.NonMonotonic, MetricValueType.Double, 0.25), (collected["ratio"].Type, collected["ratio"].ValueType, collected["ratio"].Value.D));
        Assert.Equal((MetricType.NonMonotonic, MetricValueType.Double, 21.5), (collected["temperature"].Type, collected["temperature"].ValueType, collected["temperature"].Value.D));
        Assert.Equal((MetricType.Monotonic, MetricValueType.U64, 99ul), (collected["total"].Type, collected["total"].ValueType, collected["total"].Value.U64));
    }

    [Fact]
    public void Meter_instruments_are_reported_with_the_matching_type()
    {
        using var metrics = new PluginMetrics("p");
        Counter<long> requests = metrics.Meter.CreateCounter<long>("requests");
        Counter<int> small = metrics.Meter.CreateCounter<int>("small");
        UpDownCounter<long> queue = metrics.Meter.CreateUpDownCounter<long>("queue");
        Counter<double> seconds = metrics.Meter.CreateCounter<double>("seconds");
        metrics.Meter.CreateObservableGauge("load", () => 0.75);
        metrics.Meter.CreateObservableCounter("observed", () => 12L);
        metrics.Meter.CreateHistogram<double>("latency").Record(1);
        requests.Add(2);
        requests.Add(3);
        small.Add(4);
        queue.Add(5);
        queue.Add(-7);
        seconds.Add(1.5);
        seconds.Add(0.25);

        var collected = Collect(metrics).ToDictionary(m => m.Name);

        Assert.Equal((MetricType.Monotonic, MetricValueType.U64, 5ul), (collected["requests"].Type, collected["requests"].ValueType, collected["requests"].Value.U64));
        Assert.Equal((MetricType.Monotonic, MetricValueType.U32, 4u), (collected["small"].Type, collected["small"].ValueType, collected["small"].Value.U32));
        Assert.Equal((MetricType.NonMonotonic, MetricValueType.S64, -2L), (collected["queue"].Type, collected["queue"].ValueType, collected["queue"].Value.S64));
        Assert.Equal((MetricType.Monotonic, MetricValueType.Double, 1.75), (collected["seconds"].Type, collected["seconds"].ValueType, collected["seconds"].Value.D));
        Assert.Equal((MetricType.NonMonotonic, MetricValueType.Double, 0.75), (collected["load"].Type, collected["load"].ValueType, collected["load"].Value.D));
        Assert.Equal((MetricType.Monotonic, MetricValueType.U64, 12ul), (collected["observed"].Type, collected["observed"].ValueType, collected["observed"].Value.U64));
        Assert.DoesNotContain("latency", collected.Keys);
    }

    [Fact]
    public void Collecting_explicit_metrics_allocates_nothing()
    {
        using var metrics = new PluginMetrics("p");
        MetricCounter counter = metrics.Counter("events");
        metrics.Gauge("open").Set(1);
        metrics.ObserveGauge("load", () => 1.0);
        metrics.Collect(out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            counter.Increment();
            metrics.Collect(out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Metric_names_are_unique()
    {
        using var metrics = new PluginMetrics("p");
        metrics.Counter("events");

        Assert.Equal("there is already a metric named 'events'", Assert.Throws<PluginException>(() => metrics.Gauge("events")).Message);
    }
}

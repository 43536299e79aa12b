using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Diagnostics;

namespace Falco.Plugins;

/// <summary>
/// The metrics a plugin reports to the framework (<c>plugin_get_metrics</c>, API 3.6), which
/// Falco publishes as <c>&lt;plugin&gt;.&lt;name&gt;</c>. Take it as a constructor parameter. Two ways
/// to declare them:
/// <list type="bullet">
/// <item>instruments created on <see cref="Meter"/> (System.Diagnostics.Metrics): counters and
/// observable counters are reported as monotonic, up-down counters and observable gauges as not;
/// integer instruments as 64-bit (or 32-bit for <c>int</c> and smaller), floating-point ones as
/// double. Histograms have no plugin API equivalent and are not reported;</item>
/// <item>the explicit instruments of this class (<see cref="Counter"/>, <see cref="Gauge"/>,
/// <see cref="DoubleGauge"/>, <see cref="ObserveGauge"/>, <see cref="ObserveCounter"/>).</item>
/// </list>
/// Collecting allocates nothing, except what .NET's observable instruments allocate to report
/// a measurement; the explicit observed metrics allocate nothing.
/// </summary>
public sealed unsafe class PluginMetrics : IDisposable
{
    private readonly object _sync = new();
    private readonly List<MetricSlot> _slots = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private Metric* _array;
    private int _capacity;

    internal PluginMetrics(string pluginName)
    {
        Meter = new Meter(pluginName);
        _listener.InstrumentPublished = Published;
        _listener.SetMeasurementEventCallback<long>(static (_, value, _, state) => ((MeterSlot)state!).Record(value));
        _listener.SetMeasurementEventCallback<int>(static (_, value, _, state) => ((MeterSlot)state!).Record(value));
        _listener.SetMeasurementEventCallback<short>(static (_, value, _, state) => ((MeterSlot)state!).Record(value));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, _, state) => ((MeterSlot)state!).Record(value));
        _listener.SetMeasurementEventCallback<double>(static (_, value, _, state) => ((MeterSlot)state!).Record(value));
        _listener.SetMeasurementEventCallback<float>(static (_, value, _, state) => ((MeterSlot)state!).Record(value));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, _, state) => ((MeterSlot)state!).Record((double)value));
        _listener.Start();
    }

    /// <summary>The meter whose instruments are reported.</summary>
    public Meter Meter { get; }

    /// <summary>A monotonic counter.</summary>
    public MetricCounter Counter(string name) => new(Add(new IntegerSlot(name, MetricType.Monotonic, MetricValueType.U64)));

    /// <summary>A signed value that goes up and down.</summary>
    public MetricGauge Gauge(string name) => new(Add(new IntegerSlot(name, MetricType.NonMonotonic, MetricValueType.S64)));

    /// <summary>A floating-point value that goes up and down.</summary>
    public MetricDoubleGauge DoubleGauge(string name) => new(Add(new DoubleSlot(name, MetricType.NonMonotonic)));

    /// <summary>A value read from <paramref name="read"/> each time the framework collects metrics.</summary>
    public void ObserveGauge(string name, Func<double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Add(new ObservedSlot(name, read));
    }

    /// <summary>A monotonic total read from <paramref name="read"/> each time the framework collects metrics.</summary>
    public void ObserveCounter(string name, Func<ulong> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Add(new ObservedSlot(name, read));
    }

    /// <summary>
    /// What went wrong in the last collection (an observable callback threw), or null. Such a
    /// metric keeps the value it had, and the others are reported as usual.
    /// </summary>
    internal string? LastCollectionFailure { get; private set; }

    /// <summary>Fills the native metrics array, valid until the next call (get_metrics).</summary>
    internal Metric* Collect(out uint count)
    {
        string? failure = null;
        try
        {
            _listener.RecordObservableInstruments();
        }
        catch (Exception ex)
        {
            // The listener observes every instrument before it throws what their callbacks threw.
            failure = "an observable instrument failed: " + Hosting.PluginState.Describe(ex);
        }

        lock (_sync)
        {
            if (_slots.Count > _capacity)
            {
                _capacity = Math.Max(_slots.Count, _capacity * 2);
                _array = (Metric*)NativeMemory.Realloc(_array, (nuint)(_capacity * sizeof(Metric)));
            }

            for (int i = 0; i < _slots.Count; i++)
            {
                try
                {
                    _slots[i].Observe();
                }
                catch (Exception ex)
                {
                    failure ??= $"metric '{_slots[i].Name}' failed: {Hosting.PluginState.Describe(ex)}";
                }

                _slots[i].Write(&_array[i]);
            }

            LastCollectionFailure = failure;
            count = (uint)_slots.Count;
            return _slots.Count == 0 ? null : _array;
        }
    }

    /// <summary>Stops listening and frees the native memory.</summary>
    public void Dispose()
    {
        _listener.Dispose();
        Meter.Dispose();
        lock (_sync)
        {
            foreach (MetricSlot slot in _slots)
            {
                slot.Free();
            }

            NativeMemory.Free(_array);
            _array = null;
            _capacity = 0;
        }
    }

    private T Add<T>(T slot)
        where T : MetricSlot
    {
        ArgumentException.ThrowIfNullOrEmpty(slot.Name);
        lock (_sync)
        {
            if (!_names.Add(slot.Name))
            {
                throw new PluginException($"there is already a metric named '{slot.Name}'");
            }

            _slots.Add(slot);
        }

        return slot;
    }

    private void Published(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter, Meter) || MeterSlot.Create(instrument) is not { } slot)
        {
            return;
        }

        lock (_sync)
        {
            if (!_names.Add(slot.Name))
            {
                return;
            }

            _slots.Add(slot);
        }

        listener.EnableMeasurementEvents(instrument, slot);
    }
}

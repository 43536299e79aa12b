using System;
using System.Diagnostics.Metrics;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Diagnostics;

/// <summary>
/// A metric fed by a System.Diagnostics.Metrics instrument: synchronous counters add what
/// they record; observable instruments report their current value at each collection.
/// </summary>
internal sealed unsafe class MeterSlot : MetricSlot
{
    private readonly bool _cumulative;
    private readonly bool _floating;
    private long _integer;
    private long _bits;

    private MeterSlot(string name, MetricType type, MetricValueType valueType, bool cumulative, bool floating)
        : base(name, type, valueType)
    {
        _cumulative = cumulative;
        _floating = floating;
    }

    /// <summary>The slot for an instrument, or null for instruments with no plugin API equivalent (histograms).</summary>
    public static MeterSlot? Create(Instrument instrument)
    {
        Type type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        string kind = type.Name;
        bool monotonic;
        bool cumulative;
        switch (kind)
        {
            case "Counter`1": monotonic = true; cumulative = true; break;
            case "UpDownCounter`1": monotonic = false; cumulative = true; break;
            case "ObservableCounter`1": monotonic = true; cumulative = false; break;
            case "ObservableUpDownCounter`1":
            case "ObservableGauge`1":
            case "Gauge`1": monotonic = false; cumulative = false; break;
            default: return null;
        }

        Type value = type.GetGenericArguments()[0];
        bool floating = value == typeof(double) || value == typeof(float) || value == typeof(decimal);
        bool wide = value == typeof(long);
        MetricValueType valueType = floating ? MetricValueType.Double
            : monotonic ? (wide ? MetricValueType.U64 : MetricValueType.U32)
            : wide ? MetricValueType.S64 : MetricValueType.S32;
        return new MeterSlot(instrument.Name, monotonic ? MetricType.Monotonic : MetricType.NonMonotonic, valueType, cumulative, floating);
    }

    public void Record(long value)
    {
        if (_floating)
        {
            Record((double)value);
        }
        else if (_cumulative)
        {
            System.Threading.Interlocked.Add(ref _integer, value);
        }
        else
        {
            System.Threading.Interlocked.Exchange(ref _integer, value);
        }
    }

    public void Record(double value)
    {
        if (!_floating)
        {
            Record((long)value);
            return;
        }

        if (!_cumulative)
        {
            System.Threading.Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(value));
            return;
        }

        long seen = System.Threading.Interlocked.Read(ref _bits);
        while (true)
        {
            long next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + value);
            long actual = System.Threading.Interlocked.CompareExchange(ref _bits, next, seen);
            if (actual == seen)
            {
                return;
            }

            seen = actual;
        }
    }

    protected override void WriteValue(MetricValue* value)
    {
        if (_floating)
        {
            value->D = BitConverter.Int64BitsToDouble(System.Threading.Interlocked.Read(ref _bits));
            return;
        }

        long current = System.Threading.Interlocked.Read(ref _integer);
        switch (ValueType)
        {
            case MetricValueType.U64: value->U64 = (ulong)current; break;
            case MetricValueType.U32: value->U32 = (uint)current; break;
            case MetricValueType.S32: value->S32 = (int)current; break;
            default: value->S64 = current; break;
        }
    }
}

using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Diagnostics;

/// <summary>
/// One reported metric: its native name and a value updated atomically from any thread and
/// written into the framework's <c>ss_plugin_metric</c> array by get_metrics.
/// </summary>
internal abstract unsafe class MetricSlot
{
    private byte* _name;

    protected MetricSlot(string name, MetricType type, MetricValueType valueType)
    {
        Name = name;
        Type = type;
        ValueType = valueType;
    }

    public string Name { get; }

    public MetricType Type { get; }

    public MetricValueType ValueType { get; }

    public void Write(Metric* metric)
    {
        if (_name is null)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(Name + "\0");
            _name = (byte*)NativeMemory.Alloc((nuint)utf8.Length);
            utf8.CopyTo(new Span<byte>(_name, utf8.Length));
        }

        metric->Name = _name;
        metric->Type = Type;
        metric->ValueType = ValueType;
        metric->Value = default;
        WriteValue(&metric->Value);
    }

    public void Free()
    {
        NativeMemory.Free(_name);
        _name = null;
    }

    /// <summary>Asks an observable metric for its current value; others need nothing.</summary>
    public virtual void Observe()
    {
    }

    protected abstract void WriteValue(MetricValue* value);
}

/// <summary>A 64-bit integer metric (unsigned for monotonic counters, signed otherwise).</summary>
internal sealed unsafe class IntegerSlot : MetricSlot
{
    private long _value;

    public IntegerSlot(string name, MetricType type, MetricValueType valueType)
        : base(name, type, valueType)
    {
    }

    public long Value => Interlocked.Read(ref _value);

    public void Add(long delta) => Interlocked.Add(ref _value, delta);

    public void Set(long value) => Interlocked.Exchange(ref _value, value);

    protected override void WriteValue(MetricValue* value)
    {
        long current = Value;
        switch (ValueType)
        {
            case MetricValueType.U64: value->U64 = (ulong)current; break;
            case MetricValueType.S32: value->S32 = (int)current; break;
            case MetricValueType.U32: value->U32 = (uint)current; break;
            default: value->S64 = current; break;
        }
    }
}

/// <summary>A double-precision metric.</summary>
internal sealed unsafe class DoubleSlot : MetricSlot
{
    private long _bits;

    public DoubleSlot(string name, MetricType type)
        : base(name, type, MetricValueType.Double)
    {
    }

    public double Value => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bits));

    public void Set(double value) => Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(value));

    public void Add(double delta)
    {
        long seen = Interlocked.Read(ref _bits);
        while (true)
        {
            long next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + delta);
            long actual = Interlocked.CompareExchange(ref _bits, next, seen);
            if (actual == seen)
            {
                return;
            }

            seen = actual;
        }
    }

    protected override void WriteValue(MetricValue* value) => value->D = Value;
}

/// <summary>A metric read from a callback when the framework collects metrics.</summary>
internal sealed unsafe class ObservedSlot : MetricSlot
{
    private readonly Func<double>? _readDouble;
    private readonly Func<ulong>? _readCounter;
    private double _double;
    private ulong _counter;

    public ObservedSlot(string name, Func<double> read)
        : base(name, MetricType.NonMonotonic, MetricValueType.Double)
    {
        _readDouble = read;
    }

    public ObservedSlot(string name, Func<ulong> read)
        : base(name, MetricType.Monotonic, MetricValueType.U64)
    {
        _readCounter = read;
    }

    public override void Observe()
    {
        if (_readDouble is not null)
        {
            _double = _readDouble();
        }
        else
        {
            _counter = _readCounter!();
        }
    }

    protected override void WriteValue(MetricValue* value)
    {
        if (ValueType == MetricValueType.Double)
        {
            value->D = _double;
        }
        else
        {
            value->U64 = _counter;
        }
    }
}

namespace Falco.Plugins;

/// <summary>A monotonic counter reported to the framework as an unsigned 64-bit metric. Thread-safe.</summary>
public sealed class MetricCounter
{
    private readonly Diagnostics.IntegerSlot _slot;

    internal MetricCounter(Diagnostics.IntegerSlot slot)
    {
        _slot = slot;
    }

    /// <summary>The metric name.</summary>
    public string Name => _slot.Name;

    /// <summary>The current value.</summary>
    public ulong Value => (ulong)_slot.Value;

    /// <summary>Adds one.</summary>
    public void Increment() => _slot.Add(1);

    /// <summary>Adds <paramref name="delta"/>.</summary>
    public void Add(ulong delta) => _slot.Add((long)delta);
}

/// <summary>A value that goes up and down, reported as a signed 64-bit metric. Thread-safe.</summary>
public sealed class MetricGauge
{
    private readonly Diagnostics.IntegerSlot _slot;

    internal MetricGauge(Diagnostics.IntegerSlot slot)
    {
        _slot = slot;
    }

    /// <summary>The metric name.</summary>
    public string Name => _slot.Name;

    /// <summary>The current value.</summary>
    public long Value => _slot.Value;

    /// <summary>Sets the value.</summary>
    public void Set(long value) => _slot.Set(value);

    /// <summary>Adds <paramref name="delta"/> (negative to subtract).</summary>
    public void Add(long delta) => _slot.Add(delta);
}

/// <summary>A value that goes up and down, reported as a double metric. Thread-safe.</summary>
public sealed class MetricDoubleGauge
{
    private readonly Diagnostics.DoubleSlot _slot;

    internal MetricDoubleGauge(Diagnostics.DoubleSlot slot)
    {
        _slot = slot;
    }

    /// <summary>The metric name.</summary>
    public string Name => _slot.Name;

    /// <summary>The current value.</summary>
    public double Value => _slot.Value;

    /// <summary>Sets the value.</summary>
    public void Set(double value) => _slot.Set(value);

    /// <summary>Adds <paramref name="delta"/>.</summary>
    public void Add(double delta) => _slot.Add(delta);
}

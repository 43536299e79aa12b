using System;
using System.Globalization;
using System.Text;
using Falco.Plugins.Source;

namespace Falco.Plugins;

/// <summary>
/// The batch a <see cref="IEventSourceInstance.NextBatch"/> call fills with plugin events.
/// Events are written straight into native memory the framework reads, so adding one
/// allocates nothing. The framework assigns the timestamp of events added without one.
/// </summary>
public readonly ref struct EventBatch
{
    /// <summary>The batch capacity of instances that do not choose one.</summary>
    public const int DefaultCapacity = 128;

    /// <summary>The timestamp value that lets the framework assign the time of arrival.</summary>
    public const ulong NoTimestamp = ulong.MaxValue;

    private readonly BatchBuffer _buffer;

    internal EventBatch(BatchBuffer buffer)
    {
        _buffer = buffer;
    }

    /// <summary>The number of events added so far.</summary>
    public int Count => _buffer.Count;

    /// <summary>The maximum number of events this batch holds.</summary>
    public int Capacity => _buffer.Capacity;

    /// <summary>Whether no more events fit.</summary>
    public bool IsFull => _buffer.Count >= _buffer.Capacity;

    /// <summary>Adds an event with the given payload.</summary>
    /// <param name="payload">The event data.</param>
    /// <param name="timestamp">Nanoseconds since the Unix epoch, or <see cref="NoTimestamp"/>.</param>
    /// <returns><see langword="false"/> when the batch is full.</returns>
    public bool TryAdd(ReadOnlySpan<byte> payload, ulong timestamp = NoTimestamp)
    {
        if (IsFull)
        {
            return false;
        }

        payload.CopyTo(_buffer.BeginEvent(payload.Length));
        _buffer.CommitEvent(payload.Length, timestamp);
        return true;
    }

    /// <summary>Adds an event whose payload is <paramref name="text"/> in UTF-8.</summary>
    /// <returns><see langword="false"/> when the batch is full.</returns>
    public bool TryAdd(ReadOnlySpan<char> text, ulong timestamp = NoTimestamp)
    {
        if (IsFull)
        {
            return false;
        }

        Span<byte> target = _buffer.BeginEvent(Encoding.UTF8.GetMaxByteCount(text.Length));
        int written = Encoding.UTF8.GetBytes(text, target);
        _buffer.CommitEvent(written, timestamp);
        return true;
    }

    /// <summary>
    /// Adds an event whose payload is <paramref name="value"/> formatted as UTF-8 text with the
    /// invariant culture (e.g. a number in decimal), without allocating.
    /// </summary>
    /// <returns><see langword="false"/> when the batch is full.</returns>
    public bool TryAddFormatted<T>(T value, ulong timestamp = NoTimestamp)
        where T : IUtf8SpanFormattable
    {
        if (IsFull)
        {
            return false;
        }

        for (int size = 32; ; size *= 2)
        {
            Span<byte> target = _buffer.BeginEvent(size);
            if (value.TryFormat(target, out int written, default, CultureInfo.InvariantCulture))
            {
                _buffer.CommitEvent(written, timestamp);
                return true;
            }

            if (size >= 1 << 20)
            {
                throw new PluginException($"{typeof(T).Name} value does not format into {size} bytes");
            }
        }
    }

    /// <summary>
    /// Reserves room for the payload of the next event so it can be written in place; finish
    /// with <see cref="Commit"/>. A later reservation without a commit discards this one.
    /// </summary>
    /// <param name="maxLength">The most bytes the payload will take.</param>
    /// <exception cref="InvalidOperationException">The batch is full.</exception>
    public Span<byte> GetPayloadBuffer(int maxLength) => _buffer.BeginEvent(maxLength);

    /// <summary>Adds the event whose payload was written into the last <see cref="GetPayloadBuffer"/> span.</summary>
    /// <param name="length">The number of payload bytes written.</param>
    /// <param name="timestamp">Nanoseconds since the Unix epoch, or <see cref="NoTimestamp"/>.</param>
    public void Commit(int length, ulong timestamp = NoTimestamp) => _buffer.CommitEvent(length, timestamp);
}

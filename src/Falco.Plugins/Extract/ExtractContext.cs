using System;
using Falco.Plugins.Abi;

namespace Falco.Plugins;

/// <summary>
/// What an extractor method gets about the event whose fields are requested. Valid only
/// during the call; do not keep the spans it hands out.
/// </summary>
public unsafe ref struct ExtractContext
{
    private readonly EventView _event;
    private readonly byte* _eventSource;
    private readonly FieldExtractInput* _tables;
    private int _offsetStart;
    private int _offsetLength;

    internal ExtractContext(EventView evt, ulong eventNumber, byte* eventSource, FieldExtractInput* tables = null)
    {
        _event = evt;
        EventNumber = eventNumber;
        _eventSource = eventSource;
        _tables = tables;
        _offsetStart = -1;
        _offsetLength = 0;
    }

    /// <summary>The event.</summary>
    public readonly EventView Event => _event;

    /// <summary>The event's payload when it is a plugin event; empty otherwise.</summary>
    public readonly ReadOnlySpan<byte> Payload => _event.Payload;

    /// <summary>The number the framework gave the event: increasing, one per event.</summary>
    public ulong EventNumber { get; }

    /// <summary>The name of the event source the event belongs to, in UTF-8 (may be empty); measured only when read.</summary>
    public readonly ReadOnlySpan<byte> EventSourceUtf8 => Hosting.Utf8Interop.Span(_eventSource);

    /// <summary>
    /// Read-only access to the state tables the plugin imported at init (extraction may not
    /// write tables). Available to plugins that take a <see cref="Tables.TableRegistry"/>.
    /// </summary>
    public readonly Tables.TableReader Tables =>
        _tables is null
            ? default
            : new Tables.TableReader(new Tables.TableApi(_tables->TableReaderExt, null, _tables->Owner, _tables->GetOwnerLastError));

    /// <summary>
    /// Reports where in the event payload the value being extracted came from, for fields
    /// declared with <see cref="FieldAttribute.ReportsOffsets"/>. Methods returning a span of
    /// <see cref="Payload"/> need not call it: the SDK computes the offset itself.
    /// </summary>
    /// <param name="start">The offset of the first byte, from the start of the payload.</param>
    /// <param name="length">The number of bytes.</param>
    public void SetValueOffset(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _offsetStart = start;
        _offsetLength = length;
    }

    /// <summary>Takes the offset set since the last call, if any.</summary>
    internal bool TakeValueOffset(out int start, out int length)
    {
        start = _offsetStart;
        length = _offsetLength;
        _offsetStart = -1;
        return start >= 0;
    }
}

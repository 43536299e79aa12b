using System;
using Falco.Plugins.Abi;
using Falco.Plugins.Tables;

namespace Falco.Plugins;

/// <summary>What a parser gets about one event. Valid only during the call.</summary>
public readonly unsafe ref struct ParseContext
{
    private readonly byte* _eventSource;
    private readonly EventParseInput* _tables;

    internal ParseContext(EventView evt, ulong eventNumber, byte* eventSource, EventParseInput* tables)
    {
        Event = evt;
        EventNumber = eventNumber;
        _eventSource = eventSource;
        _tables = tables;
    }

    /// <summary>The event.</summary>
    public EventView Event { get; }

    /// <summary>The event's payload when it is a plugin event; empty otherwise.</summary>
    public ReadOnlySpan<byte> Payload => Event.Payload;

    /// <summary>The number the framework gave the event.</summary>
    public ulong EventNumber { get; }

    /// <summary>The name of the event source the event belongs to, in UTF-8 (may be empty).</summary>
    public ReadOnlySpan<byte> EventSourceUtf8 => Hosting.Utf8Interop.Span(_eventSource);

    /// <summary>
    /// Read and write access to the state tables the plugin imported at init. Available to
    /// plugins that take a <see cref="TableRegistry"/>.
    /// </summary>
    public TableWriter Tables =>
        _tables is null
            ? default
            : new TableWriter(new TableApi(_tables->TableReaderExt, _tables->TableWriterExt, _tables->Owner, _tables->GetOwnerLastError));
}

using System.Runtime.InteropServices;

namespace Falco.Plugins.Abi;

/// <summary>
/// <c>plugin_api</c>: the table of 33 function pointers a statically linked plugin hands to
/// the framework, in header order (264 bytes). A dynamically linked plugin exports each member
/// as the C symbol <c>plugin_&lt;member&gt;</c> instead.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PluginApi
{
    public delegate* unmanaged<byte*> GetRequiredApiVersion;
    public delegate* unmanaged<SchemaType*, byte*> GetInitSchema;
    public delegate* unmanaged<InitInput*, PluginRc*, void*> Init;
    public delegate* unmanaged<void*, void> Destroy;
    public delegate* unmanaged<void*, byte*> GetLastError;
    public delegate* unmanaged<byte*> GetName;
    public delegate* unmanaged<byte*> GetDescription;
    public delegate* unmanaged<byte*> GetContact;
    public delegate* unmanaged<byte*> GetVersion;

    // Event sourcing.
    public delegate* unmanaged<uint> GetId;
    public delegate* unmanaged<byte*> GetEventSource;
    public delegate* unmanaged<void*, byte*, PluginRc*, void*> Open;
    public delegate* unmanaged<void*, void*, void> Close;
    public delegate* unmanaged<void*, PluginRc*, byte*> ListOpenParams;
    public delegate* unmanaged<void*, void*, uint*, byte*> GetProgress;
    public delegate* unmanaged<void*, EventInput*, byte*> EventToString;
    public delegate* unmanaged<void*, void*, uint*, EventHeader***, PluginRc> NextBatch;

    // Field extraction.
    public delegate* unmanaged<uint*, void*, ushort*> GetExtractEventTypes;
    public delegate* unmanaged<byte*> GetExtractEventSources;
    public delegate* unmanaged<byte*> GetFields;
    public delegate* unmanaged<void*, EventInput*, FieldExtractInput*, PluginRc> ExtractFields;

    // Event parsing.
    public delegate* unmanaged<uint*, void*, ushort*> GetParseEventTypes;
    public delegate* unmanaged<byte*> GetParseEventSources;
    public delegate* unmanaged<void*, EventInput*, EventParseInput*, PluginRc> ParseEvent;

    // Async events.
    public delegate* unmanaged<byte*> GetAsyncEventSources;
    public delegate* unmanaged<byte*> GetAsyncEvents;
    public delegate* unmanaged<void*, void*, delegate* unmanaged<void*, EventHeader*, byte*, PluginRc>, PluginRc> SetAsyncEventHandler;
    public delegate* unmanaged<void*, void*, delegate* unmanaged<void*, EventHeader*, byte*, PluginRc>, PluginRc> DumpState;

    public delegate* unmanaged<void*, SetConfigInput*, PluginRc> SetConfig;
    public delegate* unmanaged<void*, uint*, Metric*> GetMetrics;

    // Capture listening.
    public delegate* unmanaged<void*, CaptureListenInput*, PluginRc> CaptureOpen;
    public delegate* unmanaged<void*, CaptureListenInput*, PluginRc> CaptureClose;

    public delegate* unmanaged<void*, byte*> GetRequiredEventSchemaVersion;
}

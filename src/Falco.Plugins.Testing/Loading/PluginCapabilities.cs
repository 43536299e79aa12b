using System;

namespace Falco.Plugins.Testing;

/// <summary>The capabilities the framework infers from the symbols a plugin exports.</summary>
[Flags]
public enum PluginCapabilities
{
    /// <summary>No capability (the framework rejects such plugins).</summary>
    None = 0,

    /// <summary>open + close + next_batch.</summary>
    Sourcing = 1 << 0,

    /// <summary>get_fields + extract_fields.</summary>
    Extraction = 1 << 1,

    /// <summary>parse_event.</summary>
    Parsing = 1 << 2,

    /// <summary>get_async_events + set_async_event_handler.</summary>
    Async = 1 << 3,

    /// <summary>capture_open + capture_close.</summary>
    CaptureListening = 1 << 4,
}

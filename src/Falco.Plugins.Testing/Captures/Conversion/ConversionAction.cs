namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>What the converter does with an event that matches a <see cref="ConversionRule"/> (libscap's <c>C_ACTION_*</c>).</summary>
internal enum ConversionAction : byte
{
    /// <summary>Deliver the event as it is.</summary>
    Pass,

    /// <summary>Keep the event for its thread's exit event, and drop it.</summary>
    Store,

    /// <summary>Keep the event for its thread's exit event, and deliver it too.</summary>
    StoreAndPass,

    /// <summary>Append parameters after the ones the event carries.</summary>
    AddParams,

    /// <summary>Rebuild the event as another code, each parameter from an instruction.</summary>
    ChangeType,
}

namespace Falco.Plugins.Abi;

/// <summary>Numbers fixed by the plugin API headers.</summary>
internal static class AbiConstants
{
    /// <summary>The plugin API version this SDK is written against.</summary>
    public const int ApiMajor = 3;

    /// <inheritdoc cref="ApiMajor"/>
    public const int ApiMinor = 12;

    /// <inheritdoc cref="ApiMajor"/>
    public const int ApiPatch = 0;

    /// <summary><c>PLUGIN_MAX_ERRLEN</c>: the size of error buffers the framework hands to plugins.</summary>
    public const int MaxErrorLength = 1024;

    /// <summary><c>PPME_PLUGINEVENT_E</c>: the code of events produced by source plugins.</summary>
    public const ushort PluginEventCode = 322;

    /// <summary><c>PPME_ASYNCEVENT_E</c>: the code of asynchronous events.</summary>
    public const ushort AsyncEventCode = 402;

    /// <summary><c>PLUGIN_EVENT_PAYLOAD_OFFSET</c>: header (26) + two u32 lengths + the u32 plugin id.</summary>
    public const int PluginEventPayloadOffset = 38;

    /// <summary>The value of <c>ts</c> and <c>tid</c> that asks the framework to fill them in.</summary>
    public const ulong Unset = ulong.MaxValue;
}

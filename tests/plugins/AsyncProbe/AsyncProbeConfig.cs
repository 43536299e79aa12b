using System.Text.Json.Serialization;

namespace Falco.Plugins.Tests.AsyncProbe;

/// <summary>What the probe does.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class AsyncProbeConfig
{
    /// <summary>How many threads emit events while the handler is set.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>How many events each thread emits (0: until stopped).</summary>
    public int EventsPerThread { get; set; } = 10;

    /// <summary>Emit an event name the plugin did not declare, once, at start.</summary>
    public bool EmitUndeclared { get; set; }

    /// <summary>Throw from the producer once its threads are done.</summary>
    public bool FailRun { get; set; }

    /// <summary>Log one message at every severity at init.</summary>
    public bool LogAllLevels { get; set; }

    /// <summary>How many times the self-stopping routine runs.</summary>
    public int RoutineCalls { get; set; } = 5;

    /// <summary>A label carried by the dump; set_config changes it.</summary>
    public required string Label { get; set; }
}

/// <summary>Source-generated JSON metadata.</summary>
[JsonSerializable(typeof(AsyncProbeConfig))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class AsyncProbeJsonContext : JsonSerializerContext;

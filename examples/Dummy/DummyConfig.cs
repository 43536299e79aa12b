using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Falco.Plugins.Examples.Dummy;

/// <summary>The init config: <c>{"jitter": 10}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class DummyConfig
{
    /// <summary>The largest random amount added to the sample of each event.</summary>
    [Description("A random amount added to the sample of each event (Default: 10)")]
    public ulong Jitter { get; set; } = 10;
}

/// <summary>The open parameters: <c>{"start": 1, "maxEvents": 20}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class DummyOpenParams
{
    /// <summary>The value the samples start from (the first event is above it).</summary>
    public ulong Start { get; set; } = 1;

    /// <summary>The number of events to produce before the end of the capture.</summary>
    public ulong MaxEvents { get; set; } = 20;

    /// <summary>The most events returned by one next_batch call (an extension of this port).</summary>
    public int BatchSize { get; set; } = EventBatch.DefaultCapacity;
}

/// <summary>Source-generated JSON metadata for the config and the open parameters.</summary>
[JsonSerializable(typeof(DummyConfig))]
[JsonSerializable(typeof(DummyOpenParams))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class DummyJsonContext : JsonSerializerContext;

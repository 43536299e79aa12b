using System.Text.Json.Serialization;

namespace Falco.Plugins.Tests.Probe;

/// <summary>What the probe does, including the faults it injects.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ProbeConfig
{
    /// <summary>How captures produce events: pull (EventBatch), channel (ChannelEventSource) or async (AsyncEventSource).</summary>
    public string Mode { get; set; } = "pull";

    /// <summary>Throw from the constructor.</summary>
    public bool ThrowInInit { get; set; }

    /// <summary>Throw from next_batch once this many events were produced (-1: never).</summary>
    public long FailNextBatchAfter { get; set; } = -1;

    /// <summary>Throw from the probe.value extractor for this value (0: never).</summary>
    public ulong FailExtractOn { get; set; }

    /// <summary>A value that must be present: tests of required config keys.</summary>
    public required string Label { get; set; }
}

/// <summary>The open parameters: how many events a capture produces.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ProbeOpenParams
{
    /// <summary>The number of events.</summary>
    public int Count { get; set; } = 10;
}

/// <summary>Source-generated JSON metadata.</summary>
[JsonSerializable(typeof(ProbeConfig))]
[JsonSerializable(typeof(ProbeOpenParams))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;

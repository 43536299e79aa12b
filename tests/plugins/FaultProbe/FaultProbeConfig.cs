using System.Text.Json.Serialization;

namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>The probe's init config: the one fault to inject, and a label set_config can change.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FaultProbeConfig
{
    /// <summary>The fault to inject; none when absent.</summary>
    public FaultSpec? Fault { get; set; }

    /// <summary>A label the probe reports (field <c>faultprobe.label</c>, dump_state); set_config changes it.</summary>
    public string Label { get; set; } = "initial";

    /// <summary>How many <c>fault_tick</c> async events each run of the producer emits.</summary>
    public int AsyncTicks { get; set; } = 3;
}

/// <summary>Where a fault strikes, what it is, and when.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FaultSpec
{
    /// <summary>The operation, one of <see cref="FaultPoint"/>.</summary>
    public required string At { get; set; }

    /// <summary>One of <see cref="FaultKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>
    /// For <c>throw</c>: the exception (see <see cref="ThrowVariant"/>; InvalidOperationException by
    /// default). For <c>malformed</c>: what is wrong, which depends on the operation.
    /// </summary>
    public string? Variant { get; set; }

    /// <summary>The first call of the operation that faults, counting from 1.</summary>
    public int OnCall { get; set; } = 1;

    /// <summary>How many calls in a row fault.</summary>
    public int Times { get; set; } = 1;

    /// <summary>For <c>block</c>: how long the operation does not return, in milliseconds.</summary>
    public int BlockMs { get; set; } = 300;

    /// <summary>For next_batch: how many events are added to the batch before the fault.</summary>
    public int AfterEvents { get; set; }
}

/// <summary>The open parameters.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FaultProbeOpenParams
{
    /// <summary>The number of events the capture produces.</summary>
    public int Count { get; set; } = 10;

    /// <summary>Produce the events from a push source (AsyncEventSource) instead of pulling them.</summary>
    public bool Push { get; set; }

    /// <summary>For push sources: how long closing waits for the producer (PushSourceOptions.StopTimeout).</summary>
    public int StopTimeoutMs { get; set; } = 5000;
}

/// <summary>Source-generated JSON metadata.</summary>
[JsonSerializable(typeof(FaultProbeConfig))]
[JsonSerializable(typeof(FaultProbeOpenParams))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class FaultProbeJsonContext : JsonSerializerContext;

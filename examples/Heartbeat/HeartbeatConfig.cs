using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Falco.Plugins.Examples.Heartbeat;

/// <summary>The init config, also accepted at run time by set_config.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class HeartbeatConfig
{
    /// <summary>The time between heartbeats.</summary>
    [Description("Milliseconds between heartbeats (Default: 1000)")]
    public int IntervalMs { get; set; } = 1000;

    /// <summary>A text carried by every heartbeat.</summary>
    [Description("A text carried by every heartbeat")]
    public string Message { get; set; } = "alive";
}

/// <summary>The data of a heartbeat event.</summary>
public sealed class HeartbeatData
{
    /// <summary>The heartbeat's sequence number, from 1.</summary>
    public ulong Seq { get; set; }

    /// <summary>The configured message.</summary>
    public string Message { get; set; } = "";
}

/// <summary>Source-generated JSON metadata.</summary>
[JsonSerializable(typeof(HeartbeatConfig))]
[JsonSerializable(typeof(HeartbeatData))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class HeartbeatJsonContext : JsonSerializerContext;

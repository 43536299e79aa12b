using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Falco.Plugins.Tests.Config;

/// <summary>Open parameters with a required key, a nested object and a list.</summary>
public sealed class OpenParams
{
    [JsonRequired]
    public ulong Start { get; set; }

    public string? Name { get; set; }

    public InnerParams? Inner { get; set; }

    public List<string>? Hosts { get; set; }
}

/// <summary>A nested object with a required key that rejects unknown keys.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class InnerParams
{
    public required int Depth { get; init; }
}

/// <summary>A config that rejects unknown keys.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class StrictConfig
{
    public int Port { get; set; }

    public string Host { get; set; } = "";
}

/// <summary>Source-generated metadata, as plugins declare it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OpenParams))]
[JsonSerializable(typeof(StrictConfig))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

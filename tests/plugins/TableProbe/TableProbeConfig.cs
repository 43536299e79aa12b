using System.Text.Json.Serialization;

namespace Falco.Plugins.Tests.TableProbe;

/// <summary>What the probe imports (to provoke init errors) and writes.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class TableProbeConfig
{
    /// <summary>The table to import as the thread table.</summary>
    public string ThreadTable { get; set; } = "threads";

    /// <summary>Import the thread table with int32 keys instead of int64 (a key-type mismatch).</summary>
    public bool WrongKeyType { get; set; }

    /// <summary>The string field of the thread table to read as the command.</summary>
    public string CommField { get; set; } = "comm";

    /// <summary>When set, parsing writes this into the thread's static <c>exe</c> field.</summary>
    public string? WriteExe { get; set; }
}

/// <summary>Source-generated JSON metadata.</summary>
[JsonSerializable(typeof(TableProbeConfig))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class TableProbeJsonContext : JsonSerializerContext;

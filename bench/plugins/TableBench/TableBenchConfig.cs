using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Falco.Plugins.Bench.TableBench;

/// <summary>The init config: <c>{"writes": 1000, "writeString": false, "utf8": false}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class TableBenchConfig
{
    /// <summary>How many times parsing writes the thread's field per event.</summary>
    [Description("Field writes per parsed event (Default: 1000)")]
    public int Writes { get; set; } = 1000;

    /// <summary>Write the string field "name" instead of the uint64 field "value".</summary>
    [Description("Write the string field name instead of the uint64 field value (Default: false)")]
    public bool WriteString { get; set; }

    /// <summary>With <see cref="WriteString"/>: write UTF-8 bytes (SetUtf8) instead of a managed string (Set).</summary>
    [Description("Write the string from UTF-8 bytes with SetUtf8 instead of Set (Default: false)")]
    public bool Utf8 { get; set; }
}

/// <summary>Source-generated JSON metadata for the config.</summary>
[JsonSerializable(typeof(TableBenchConfig))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class TableBenchJsonContext : JsonSerializerContext;

using System.Text.Json;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The faults tests/plugins/FaultProbe injects (its init config names one) and the causes the
/// SDK reports for them: "faultprobe: &lt;operation&gt;: &lt;cause&gt;".
/// </summary>
internal static class Faults
{
    public const string Throw = "throw";
    public const string Fail = "fail";
    public const string Malformed = "malformed";
    public const string Block = "block";

    /// <summary>The exceptions of the throw kind.</summary>
    public static readonly string[] ThrowVariants = ["invalid_operation", "null_reference", "index_out_of_range", "custom", "out_of_memory"];

    /// <summary>Every operation the probe can fault, as its config names them.</summary>
    public static readonly string[] Points =
    [
        "init", "open", "next_batch", "close", "extract_fields", "parse_event", "async_start", "async_stop", "dump_state",
        "capture_open", "capture_close", "routine", "get_metrics", "set_config", "event_to_string", "list_open_params",
        "get_progress", "destroy",
    ];

    /// <summary>The init config of a probe with one fault.</summary>
    public static string Config(string at, string kind, string? variant = null, int onCall = 1, int times = 1, int blockMs = 300, int afterEvents = 0) =>
        JsonSerializer.Serialize(new
        {
            fault = new { at, kind, variant, onCall, times, blockMs, afterEvents },
        });

    /// <summary>The operation as the SDK names it in the plugin's last error.</summary>
    public static string Operation(string at) => at switch
    {
        "extract_fields" => "extract_fields: field faultprobe.value",
        "async_start" or "async_stop" => "set_async_event_handler: the async event producer failed",
        _ => at,
    };

    /// <summary>The cause the SDK reports for a throw or fail fault at <paramref name="at"/>.</summary>
    public static string Cause(string at, string kind, string? variant) => (kind, variant) switch
    {
        (Fail, _) => $"injected failure in {at}",
        (Throw, "null_reference") => "NullReferenceException: Object reference not set to an instance of an object.",
        (Throw, "index_out_of_range") => "IndexOutOfRangeException: Index was outside the bounds of the array.",
        (Throw, "custom") => $"FaultProbeException: injected fault in {at}",
        (Throw, "out_of_memory") => $"OutOfMemoryException: injected fault in {at}",
        _ => $"InvalidOperationException: injected fault in {at}",
    };

    /// <summary>The whole last error of a throw or fail fault at <paramref name="at"/>.</summary>
    public static string LastError(string at, string kind, string? variant) =>
        $"faultprobe: {Operation(at)}: {Cause(at, kind, variant)}";
}

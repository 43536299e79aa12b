using System.Collections.Generic;
using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>What a plugin uses that the plugin API added after 3.0.</summary>
internal sealed record ApiFeatures(
    bool Tables,
    bool Logs,
    bool Reconfigurable,
    bool Metrics,
    bool CaptureListening,
    bool DumpsState,
    bool ReportsOffsets,
    bool TypedSyscallEvents);

/// <summary>
/// The required plugin API version rule. A plugin reports the lowest version whose structs and
/// functions it touches, counting what the SDK reads on its behalf, because the framework loads
/// a plugin only when its own minor is at least the plugin's. Each feature raises the floor of
/// 3.0.0 to the version that introduced what it uses (see docs/required-api-version.md):
/// <list type="bullet">
/// <item>base, event sourcing, extraction, parsing, async events: 3.0.0;</item>
/// <item>state tables: 3.1.0 (the <c>_ext</c> table vtables of the init, parse and extract inputs);</item>
/// <item>logging: 3.4.0 (<c>log_fn</c> with the owner first); set_config: 3.4.0;</item>
/// <item>metrics: 3.6.0; capture listening: 3.7.0; dump_state: 3.10.0;</item>
/// <item>value offsets: 3.11.0 (the member 3.11 appended to the extract input);</item>
/// <item>typed syscall events: 3.12.0 (the framework checks the event schema version the
/// plugin reports through <c>get_required_event_schema_version</c> from 3.12 on).</item>
/// </list>
/// Field properties an older framework ignores (<c>addOutput</c>, 3.8) do not raise it.
/// </summary>
internal static class ApiVersionRules
{
    public static readonly ApiVersion Floor = new(3, 0, 0);

    private static readonly (System.Func<ApiFeatures, bool> Uses, ApiVersion Version, string Reason)[] Rules =
    {
        (f => f.Tables, new ApiVersion(3, 1, 0), "state tables need 3.1.0"),
        (f => f.Logs, new ApiVersion(3, 4, 0), "logging needs 3.4.0"),
        (f => f.Reconfigurable, new ApiVersion(3, 4, 0), "set_config needs 3.4.0"),
        (f => f.Metrics, new ApiVersion(3, 6, 0), "metrics need 3.6.0"),
        (f => f.CaptureListening, new ApiVersion(3, 7, 0), "capture listening needs 3.7.0"),
        (f => f.DumpsState, new ApiVersion(3, 10, 0), "dump_state needs 3.10.0"),
        (f => f.ReportsOffsets, new ApiVersion(3, 11, 0), "value offsets need 3.11.0"),
        (f => f.TypedSyscallEvents, new ApiVersion(3, 12, 0), "typed syscall events need 3.12.0"),
    };

    /// <summary>The version the plugin needs, and the features that set it (for messages).</summary>
    public static (ApiVersion Version, string Reasons) Compute(ApiFeatures features)
    {
        ApiVersion version = Floor;
        var reasons = new List<string>();
        foreach ((System.Func<ApiFeatures, bool> uses, ApiVersion needed, string reason) in Rules)
        {
            if (uses(features))
            {
                version = ApiVersion.Max(version, needed);
                reasons.Add(reason);
            }
        }

        return (version, reasons.Count == 0 ? "the base API needs 3.0.0" : string.Join(", ", reasons));
    }

    /// <summary>Parses <c>major.minor.patch</c>.</summary>
    public static bool TryParse(string text, out ApiVersion version)
    {
        version = default;
        string[] parts = text.Split('.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int major)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int minor)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int patch))
        {
            return false;
        }

        version = new ApiVersion(major, minor, patch);
        return true;
    }
}

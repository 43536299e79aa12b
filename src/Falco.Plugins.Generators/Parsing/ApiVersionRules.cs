using System.Collections.Generic;
using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>
/// The required plugin API version rule. A plugin reports the lowest version whose structs and
/// functions it touches, counting what the SDK reads on its behalf, because the framework
/// loads a plugin only when its own minor is at least the plugin's. Each feature below raises
/// the floor of 3.0.0 to the version that introduced what it reads:
/// <list type="bullet">
/// <item>base, event sourcing, field extraction (plugin events): 3.0.0;</item>
/// <item>state tables (a <c>TableRegistry</c> constructor parameter): 3.1.0, since the SDK uses
/// the <c>_ext</c> table vtables that 3.1 added to the init, parse and extract inputs;</item>
/// <item>logging (a <c>PluginLogger</c> constructor parameter): 3.4.0, since the SDK reads
/// <c>log_fn</c> from the init input and calls it with the owner first, the 3.4 signature;</item>
/// <item>value offsets (<c>[Field(ReportsOffsets = true)]</c>): 3.11.0, since the SDK reads
/// <c>value_offsets</c> from the extract input, a member 3.11 appended.</item>
/// </list>
/// Field properties the framework ignores when it predates them (<c>addOutput</c>, 3.8) do not
/// raise the version: an older Falco still loads the plugin and runs it correctly.
/// </summary>
internal static class ApiVersionRules
{
    public static readonly ApiVersion Floor = new(3, 0, 0);
    public static readonly ApiVersion Tables = new(3, 1, 0);
    public static readonly ApiVersion Logging = new(3, 4, 0);
    public static readonly ApiVersion ValueOffsets = new(3, 11, 0);

    /// <summary>The version the plugin needs, and the features that set it (for messages).</summary>
    public static (ApiVersion Version, string Reasons) Compute(bool logs, bool reportsOffsets, bool tables = false)
    {
        ApiVersion version = Floor;
        var reasons = new List<string>();
        if (tables)
        {
            version = ApiVersion.Max(version, Tables);
            reasons.Add("state tables need 3.1.0");
        }

        if (logs)
        {
            version = ApiVersion.Max(version, Logging);
            reasons.Add("logging needs 3.4.0");
        }

        if (reportsOffsets)
        {
            version = ApiVersion.Max(version, ValueOffsets);
            reasons.Add("value offsets need 3.11.0");
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

using System.Collections.Generic;

namespace Falco.Plugins.Testing.Loading;

/// <summary>
/// libsinsp's check of the event schema version a plugin requires (plugin API 3.12), made right
/// after a successful init, when the plugin's event types are known. It applies to plugins that
/// parse or extract events other than plugin events (code 322); the others read no event schema.
/// A plugin that does not say (no <c>get_required_event_schema_version</c>, or NULL) is taken to
/// require 3.0.0. The required version must have the framework's major, and a minor (then patch)
/// no higher than the framework's.
/// </summary>
internal static class EventSchemaCheck
{
    /// <summary>What libsinsp assumes of a plugin that does not report a version.</summary>
    public const string AssumedVersion = "3.0.0";

    private const ushort PluginEventCode = 322;

    /// <summary>Whether parsing or extraction receives events other than plugin events, as libsinsp works it out after init.</summary>
    public static bool ReadsSyscallEvents(PluginInfo info, IReadOnlyList<ushort>? parseTypes, IReadOnlyList<ushort>? extractTypes) =>
        (info.Capabilities.HasFlag(PluginCapabilities.Parsing) && ReadsSyscallEvents(parseTypes, info.ParseEventSources))
        || (info.Capabilities.HasFlag(PluginCapabilities.Extraction) && ReadsSyscallEvents(extractTypes, info.ExtractEventSources));

    /// <summary>
    /// Checks <paramref name="required"/> (null when the plugin did not report one) against the
    /// host's event schema version.
    /// </summary>
    /// <exception cref="PluginHostException">The plugin requires a schema the host does not provide.</exception>
    public static void Verify(string plugin, string? required, LenientVersion framework)
    {
        string text = required ?? AssumedVersion;
        if (!LenientVersion.TryParse(text, out LenientVersion version))
        {
            throw new PluginHostException($"plugin {plugin} provided an invalid required event schema version: '{text}'");
        }

        string? failure = framework.Major != version.Major ? "major versions disagree"
            : framework.Minor < version.Minor ? "event schema minor version is less than the requested one"
            : framework.Minor == version.Minor && framework.Patch < version.Patch ? "event schema patch version is less than the requested one"
            : null;
        if (failure is not null)
        {
            throw new PluginHostException(
                $"plugin {plugin} required event schema version '{text}' not compatible with the event schema version in use '{framework}': {failure}");
        }
    }

    /// <summary>
    /// The codes a capability receives are its event types; without any, every code when its
    /// sources accept <c>syscall</c> (no sources: every source), plugin events otherwise.
    /// </summary>
    private static bool ReadsSyscallEvents(IReadOnlyList<ushort>? types, IReadOnlyList<string> sources)
    {
        if (types is null || types.Count == 0)
        {
            return sources.Count == 0 || Contains(sources, "syscall");
        }

        foreach (ushort code in types)
        {
            if (code != PluginEventCode)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> items, string value)
    {
        foreach (string item in items)
        {
            if (string.Equals(item, value, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

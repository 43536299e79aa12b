using System.ComponentModel;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Hosting;

/// <summary>
/// What the generated dispatch does when a typed syscall event view cannot read an event of its
/// code (its parameters do not match the event table). Not meant for plugin code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TypedEventFailures
{
    /// <summary>Fails a parse_event call: records the error, naming the event, and returns <c>SS_PLUGIN_FAILURE</c>.</summary>
    /// <param name="state">The plugin state.</param>
    /// <param name="eventNumber">The number the framework gave the event.</param>
    /// <param name="code">The event code.</param>
    /// <param name="view">The name of the typed view that could not read it.</param>
    /// <param name="error">Why, as the view reported it.</param>
    public static int Parse(PluginState state, ulong eventNumber, ushort code, string view, string? error)
    {
        System.ArgumentNullException.ThrowIfNull(state);
        state.SetError(PluginOperation.ParseEvent, Describe(eventNumber, code, view, error));
        return (int)PluginRc.Failure;
    }

    /// <summary>The exception that fails an extract_fields call, which reports it with the field's name.</summary>
    /// <param name="eventNumber">The number the framework gave the event.</param>
    /// <param name="code">The event code.</param>
    /// <param name="view">The name of the typed view that could not read it.</param>
    /// <param name="error">Why, as the view reported it.</param>
    public static PluginException Extract(ulong eventNumber, ushort code, string view, string? error) =>
        new(Describe(eventNumber, code, view, error));

    internal static string Describe(ulong eventNumber, ushort code, string view, string? error) =>
        $"event {eventNumber} (code {code}) is malformed: {view}: {(string.IsNullOrEmpty(error) ? "its parameters do not match the event table" : error)}";
}

using System.Collections.Generic;

namespace Falco.Plugins;

/// <summary>An event source that can suggest open parameters to users (<c>plugin_list_open_params</c>).</summary>
public interface IOpenParamsProvider
{
    /// <summary>The suggested open parameters.</summary>
    IReadOnlyList<OpenParam> ListOpenParams();
}

/// <summary>A suggested open parameters string.</summary>
/// <param name="Value">The value to pass to open.</param>
/// <param name="Description">What it opens.</param>
/// <param name="Separator">If the value lists several items, what separates them.</param>
public sealed record OpenParam(string Value, string Description = "", string Separator = "");

/// <summary>An open capture that knows how far it has got (<c>plugin_get_progress</c>).</summary>
public interface IProgressReporter
{
    /// <summary>The progress of the capture.</summary>
    Progress GetProgress();
}

/// <summary>How far a capture has got.</summary>
/// <param name="Percent">From 0 to 100.</param>
/// <param name="Detail">A short text for users, e.g. <c>"5/20 files"</c>.</param>
public readonly record struct Progress(double Percent, string? Detail = null);

/// <summary>A plugin that renders its events as text (<c>plugin_event_to_string</c>, shown as <c>evt.plugininfo</c>).</summary>
public interface IEventFormatter
{
    /// <summary>Renders an event of the plugin's source.</summary>
    string EventToString(EventView evt);
}

using System.ComponentModel;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Hosting;

/// <summary>The event parsing capability as the generated exports call it. Not meant for plugin code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ParseExports
{
    /// <summary><c>plugin_parse_event</c>: checks the inputs and the event, then hands it to the plugin.</summary>
    public static int ParseEvent<TPlugin>(void* s, void* evt, void* input)
        where TPlugin : class, IEventParser
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            var eventInput = (EventInput*)evt;
            var parseInput = (EventParseInput*)input;
            if (state is null || eventInput is null || parseInput is null)
            {
                state?.SetError(PluginOperation.ParseEvent, "called with a NULL argument");
                return (int)PluginRc.Failure;
            }

            if (!EventView.TryCreate(eventInput->Evt, out EventView view, out string? error))
            {
                state.SetError(PluginOperation.ParseEvent, $"event {eventInput->EvtNum} is malformed: {error}");
                return (int)PluginRc.Failure;
            }

            if (!view.IsPluginEvent && !state.Descriptor.ParsesAnyEvent)
            {
                return (int)PluginRc.Success;
            }

            // The _ext vtables of the parse input exist from API 3.1, which plugins with tables require.
            EventParseInput* tables = state.Tables is not null && state.Descriptor.Has(1) ? parseInput : null;
            var context = new ParseContext(view, eventInput->EvtNum, eventInput->EvtSrc, tables);
            state.Plugin.ParseEvent(ref context);
            return (int)PluginRc.Success;
        }
        catch (System.Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.ParseEvent, ex);
        }
    }
}

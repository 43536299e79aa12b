using System.ComponentModel;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Hosting;

/// <summary>The event parsing capability as the generated exports call it. Not meant for plugin code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ParseExports
{
    /// <summary><c>plugin_parse_event</c> of a plugin without typed handlers: checks the inputs and the event, then hands it to the plugin.</summary>
    public static int ParseEvent<TPlugin>(void* s, void* evt, void* input)
        where TPlugin : class, IEventParser
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null)
            {
                return (int)PluginRc.Failure;
            }

            if (!Begin(state, evt, input, out ParseContext context, out int rc))
            {
                return rc;
            }

            state.Plugin.ParseEvent(ref context);
            return (int)PluginRc.Success;
        }
        catch (System.Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.ParseEvent, ex);
        }
    }

    /// <summary>
    /// Starts a parse_event call: checks the inputs and the event and builds the context the
    /// handlers receive. Returns <see langword="false"/> when there is nothing to parse, with the
    /// code to return in <paramref name="rc"/>: SUCCESS for an event that is not a plugin event
    /// of a plugin that parses plugin events only, FAILURE (with the last error set) for bad input.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Begin(PluginState state, void* evt, void* input, out ParseContext context, out int rc)
    {
        System.ArgumentNullException.ThrowIfNull(state);
        context = default;
        var eventInput = (EventInput*)evt;
        var parseInput = (EventParseInput*)input;
        if (eventInput is null || parseInput is null)
        {
            state.SetError(PluginOperation.ParseEvent, "called with a NULL argument");
            rc = (int)PluginRc.Failure;
            return false;
        }

        if (!EventView.TryCreate(eventInput->Evt, out EventView view, out string? error))
        {
            state.SetError(PluginOperation.ParseEvent, $"event {eventInput->EvtNum} is malformed: {error}");
            rc = (int)PluginRc.Failure;
            return false;
        }

        rc = (int)PluginRc.Success;
        if (!view.IsPluginEvent && !state.Descriptor.ParsesAnyEvent)
        {
            return false;
        }

        // The _ext vtables of the parse input exist from API 3.1, which plugins with tables require.
        EventParseInput* tables = state.Tables is not null && state.Descriptor.Has(1) ? parseInput : null;
        context = new ParseContext(view, eventInput->EvtNum, eventInput->EvtSrc, tables);
        return true;
    }
}

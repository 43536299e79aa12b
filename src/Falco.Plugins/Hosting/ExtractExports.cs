using System.ComponentModel;
using System.Runtime.CompilerServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Extract;

namespace Falco.Plugins.Hosting;

/// <summary>The field extraction capability as the generated exports call it. Not meant for plugin code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ExtractExports
{
    /// <summary>
    /// Starts an extract_fields call: checks the inputs and the event, resets the result memory
    /// of the previous call and prepares value offsets when the framework asks for them.
    /// Returns <see langword="false"/> when there is nothing to extract, with the code to
    /// return in <paramref name="rc"/>: SUCCESS with every field absent for an event that is
    /// not a plugin event, FAILURE for bad input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Begin(PluginState state, void* evt, void* input, out ExtractCall call, out int rc)
    {
        // The common case, a well-formed plugin event, is checked straight from the header and the
        // call is filled in place: this path runs for every field the framework asks for.
        var eventInput = (EventInput*)evt;
        var extractInput = (FieldExtractInput*)input;
        EventHeader* header;
        if (eventInput is not null && extractInput is not null && (extractInput->Fields is not null || extractInput->NumFields == 0)
            && (header = eventInput->Evt) is not null && EventView.IsWellFormedPluginEvent(header))
        {
            ExtractSession session = state.Extract;
            session.Arena.Reset();
            bool offsets = state.Descriptor.Has(11) && extractInput->ValueOffsets is not null;
            session.BeginOffsets(offsets ? extractInput->ValueOffsets : null, extractInput->NumFields);
            call = default;
            call.Set(extractInput->Fields, extractInput->NumFields, session, state.Descriptor, header, eventInput->EvtNum, eventInput->EvtSrc, offsets, TablesOf(state, extractInput));
            rc = (int)PluginRc.Success;
            return true;
        }

        return BeginSlow(state, evt, input, out call, out rc);
    }

    /// <summary>The extract input as a source of table access: its reader_ext exists from API 3.1, which plugins with tables require.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldExtractInput* TablesOf(PluginState state, FieldExtractInput* input) =>
        state.Tables is not null && state.Descriptor.Has(1) ? input : null;

    /// <summary>Everything but a well-formed plugin event: bad input, malformed events, other event types.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool BeginSlow(PluginState state, void* evt, void* input, out ExtractCall call, out int rc)
    {
        call = default;
        var eventInput = (EventInput*)evt;
        var extractInput = (FieldExtractInput*)input;
        if (eventInput is null || extractInput is null || (extractInput->Fields is null && extractInput->NumFields > 0))
        {
            state.SetError(PluginOperation.ExtractFields, "called with a NULL argument");
            rc = (int)PluginRc.Failure;
            return false;
        }

        uint count = extractInput->NumFields;
        ExtractField* fields = extractInput->Fields;
        if (!EventView.TryCreate(eventInput->Evt, out EventView view, out string? error))
        {
            state.SetError(PluginOperation.ExtractFields, $"event {eventInput->EvtNum} is malformed: {error}");
            rc = (int)PluginRc.Failure;
            return false;
        }

        if (!view.IsPluginEvent && !state.Descriptor.ExtractsAnyEvent)
        {
            // Not an event of a plugin source: none of the plugin's fields apply to it.
            for (uint i = 0; i < count; i++)
            {
                fields[i].ResLen = 0;
            }

            rc = (int)PluginRc.Success;
            return false;
        }

        ExtractSession session = state.Extract;
        session.Arena.Reset();
        bool offsets = state.Descriptor.Has(11) && extractInput->ValueOffsets is not null;
        session.BeginOffsets(offsets ? extractInput->ValueOffsets : null, count);

        var context = new ExtractContext(view, eventInput->EvtNum, eventInput->EvtSrc, TablesOf(state, extractInput));
        call = new ExtractCall(fields, count, session, state.Descriptor, context, eventInput->Evt, offsets);
        rc = (int)PluginRc.Success;
        return true;
    }
}

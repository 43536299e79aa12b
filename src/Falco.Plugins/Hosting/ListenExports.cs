using System;
using System.ComponentModel;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Hosting;

/// <summary>The capture listening capability as the generated exports call it. Not meant for plugin code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ListenExports
{
    /// <summary><c>plugin_capture_open</c>.</summary>
    public static int CaptureOpen<TPlugin>(void* s, void* input)
        where TPlugin : class, ICaptureListener
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null || input is null)
            {
                state?.SetError(PluginOperation.CaptureOpen, "called with a NULL argument");
                return (int)PluginRc.Failure;
            }

            var context = new CaptureContext((CaptureListenInput*)input, state);
            int subscribedBefore = state.Routines.Count;
            try
            {
                state.Plugin.CaptureOpen(ref context);
            }
            catch (Exception)
            {
                // libsinsp does not call capture_close after a failed capture_open: nothing else
                // would stop the routines this call subscribed.
                UnsubscribeSince(ref context, state, subscribedBefore);
                throw;
            }

            return (int)PluginRc.Success;
        }
        catch (Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.CaptureOpen, ex);
        }
    }

    private static void UnsubscribeSince(ref CaptureContext context, PluginState state, int count)
    {
        foreach (Routine routine in state.Routines.GetRange(count, state.Routines.Count - count))
        {
            try
            {
                context.Unsubscribe(routine);
            }
            catch (PluginException)
            {
                // The capture_open failure is what gets reported; the framework drops its
                // routines when the capture ends anyway.
            }
        }
    }

    /// <summary><c>plugin_capture_close</c>: after the plugin's own handler, unsubscribes the routines it left running.</summary>
    public static int CaptureClose<TPlugin>(void* s, void* input)
        where TPlugin : class, ICaptureListener
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null || input is null)
            {
                state?.SetError(PluginOperation.CaptureClose, "called with a NULL argument");
                return (int)PluginRc.Failure;
            }

            var context = new CaptureContext((CaptureListenInput*)input, state);
            try
            {
                state.Plugin.CaptureClose(ref context);
            }
            finally
            {
                foreach (Routine routine in state.Routines.ToArray())
                {
                    context.Unsubscribe(routine);
                }
            }

            return (int)PluginRc.Success;
        }
        catch (Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.CaptureClose, ex);
        }
    }
}

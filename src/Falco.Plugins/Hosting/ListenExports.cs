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
            state.Plugin.CaptureOpen(ref context);
            return (int)PluginRc.Success;
        }
        catch (Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.CaptureOpen, ex);
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

using System;
using System.ComponentModel;
using Falco.Plugins.Abi;
using Falco.Plugins.Async;

namespace Falco.Plugins.Hosting;

/// <summary>The async events capability and dump_state as the generated exports call them. Not meant for plugin code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class AsyncExports
{
    /// <summary>
    /// <c>plugin_set_async_event_handler</c>: stops the producer of the previous handler (waiting
    /// for it), then starts the plugin's producer if <paramref name="handler"/> is not NULL.
    /// </summary>
    public static int SetAsyncEventHandler<TPlugin>(void* s, void* owner, void* handler, string[] names)
        where TPlugin : class, IAsyncEventProvider
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null)
            {
                return (int)PluginRc.Failure;
            }

            AsyncProducer producer = state.Async ??= new AsyncProducer(state.Descriptor.Name, names, ReportTo(state));
            string? problem = producer.SetHandler(state.Plugin, owner, (delegate* unmanaged<void*, EventHeader*, byte*, PluginRc>)handler);
            if (problem is not null)
            {
                // The handler the framework asked for is in place, so the call succeeds: failing it
                // would make libsinsp abort the capture for a producer that has already ended.
                state.SetError(PluginOperation.SetAsyncEventHandler, problem);
                state.Logger?.Log(LogSeverity.Error, problem);
            }

            return (int)PluginRc.Success;
        }
        catch (Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.SetAsyncEventHandler, ex);
        }
    }

    /// <summary>
    /// Reports a producer that fails while it runs: the log tells the operator at once, and the
    /// last error keeps the cause for whoever asks.
    /// </summary>
    private static Action<string> ReportTo(PluginState state) => problem =>
    {
        state.SetError(PluginOperation.SetAsyncEventHandler, problem);
        state.Logger?.Log(LogSeverity.Error, problem);
    };

    /// <summary><c>plugin_dump_state</c> (API 3.10): the plugin emits its state through the dump handler before this returns.</summary>
    public static int DumpState<TPlugin>(void* s, void* owner, void* handler, string[] names)
        where TPlugin : class, IStateDumper
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null || handler is null)
            {
                state?.SetError(PluginOperation.DumpState, "called with a NULL handler");
                return (int)PluginRc.Failure;
            }

            var emitter = new AsyncEventEmitter(state.Descriptor.Name, names);
            emitter.Attach(new AsyncHandlerSession(owner, (delegate* unmanaged<void*, EventHeader*, byte*, PluginRc>)handler));
            try
            {
                state.Plugin.DumpState(emitter);
            }
            finally
            {
                emitter.Detach();
            }

            return (int)PluginRc.Success;
        }
        catch (Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.DumpState, ex);
        }
    }
}

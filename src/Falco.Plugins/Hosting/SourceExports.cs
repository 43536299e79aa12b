using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Source;

namespace Falco.Plugins.Hosting;

/// <summary>
/// The event sourcing capability as the generated exports call it. Every method turns
/// failures into return codes and never lets an exception reach the framework. Not meant for
/// plugin code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class SourceExports
{
    /// <summary><c>plugin_open</c>.</summary>
    public static void* Open<TPlugin, TInstance>(void* s, byte* parameters, int* rc)
        where TPlugin : class, IEventSource<TInstance>
        where TInstance : class, IEventSourceInstance
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null)
            {
                PluginExports.SetRc(rc, PluginRc.Failure);
                return null;
            }

            TInstance instance = state.Plugin.Open(Utf8Interop.ToString(parameters))
                ?? throw new PluginException("Open returned null");
            var opened = new SourceInstanceState(instance, state.Descriptor.SourceId);
            PluginExports.SetRc(rc, PluginRc.Success);
            return opened.Handle;
        }
        catch (Exception ex)
        {
            state?.SetError(PluginOperation.Open, ex);
            PluginExports.SetRc(rc, PluginRc.Failure);
            return null;
        }
    }

    /// <summary><c>plugin_close</c>: disposes the instance and frees its batch memory.</summary>
    public static void Close(void* s, void* h)
    {
        try
        {
            SourceInstanceState.FromHandle(h)?.Release();
        }
        catch (Exception ex)
        {
            // close returns nothing: keep the cause for get_last_error.
            try
            {
                PluginState.FromHandle(s)?.SetError(PluginOperation.Close, ex);
            }
            catch (Exception)
            {
                // The state itself is unusable; nothing else can be done.
            }
        }
    }

    /// <summary>
    /// <c>plugin_next_batch</c>. Events added before a failure are delivered with SUCCESS and
    /// the failure is reported by the next call, so none are lost; an empty batch is reported
    /// as TIMEOUT, since the framework rejects SUCCESS with no events.
    /// </summary>
    public static int NextBatch(void* s, void* h, uint* nevts, void*** evts)
    {
        if (nevts is not null)
        {
            *nevts = 0;
        }

        PluginState? state = null;
        try
        {
            state = PluginState.FromHandle(s);
            SourceInstanceState? instance = SourceInstanceState.FromHandle(h);
            if (state is null || instance is null || nevts is null || evts is null)
            {
                state?.SetError(PluginOperation.NextBatch, "called with a NULL argument");
                return (int)PluginRc.Failure;
            }

            if (instance.PendingFailure is { } pending)
            {
                instance.PendingFailure = null;
                return state.Fail(PluginOperation.NextBatch, pending);
            }

            BatchBuffer batch = instance.Batch;
            batch.Reset();
            BatchStatus status;
            try
            {
                status = instance.Instance.NextBatch(new EventBatch(batch));
            }
            catch (Exception ex) when (batch.Count > 0)
            {
                instance.PendingFailure = ex;
                status = BatchStatus.Ok;
            }

            *nevts = (uint)batch.Count;
            *evts = (void**)batch.Pointers;
            return status switch
            {
                BatchStatus.Eof => (int)PluginRc.Eof,
                BatchStatus.Ok when batch.Count > 0 => (int)PluginRc.Success,
                BatchStatus.Ok or BatchStatus.Timeout => (int)PluginRc.Timeout,
                _ => throw new PluginException($"NextBatch returned an unknown status {(int)status}"),
            };
        }
        catch (Exception ex)
        {
            if (nevts is not null)
            {
                *nevts = 0;
            }

            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.NextBatch, ex);
        }
    }

    /// <summary><c>plugin_get_progress</c>: always sets the percentage (the framework does not initialize it).</summary>
    public static byte* GetProgress(void* s, void* h, uint* progressPct)
    {
        if (progressPct is not null)
        {
            *progressPct = 0;
        }

        PluginState? state = null;
        try
        {
            state = PluginState.FromHandle(s);
            if (state is null || SourceInstanceState.FromHandle(h)?.Instance is not IProgressReporter reporter)
            {
                return null;
            }

            Progress progress = reporter.GetProgress();
            if (progressPct is not null)
            {
                double percent = double.IsNaN(progress.Percent) ? 0 : Math.Clamp(progress.Percent, 0, 100);
                *progressPct = (uint)Math.Round(percent * 100);
            }

            return state.StringResult.Set(progress.Detail ?? string.Empty);
        }
        catch (Exception ex)
        {
            state?.SetError(PluginOperation.GetProgress, ex);
            return null;
        }
    }

    /// <summary><c>plugin_list_open_params</c>: a JSON array of <c>{value, desc, separator}</c>.</summary>
    public static byte* ListOpenParams<TPlugin>(void* s, int* rc)
        where TPlugin : class, IOpenParamsProvider
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null)
            {
                PluginExports.SetRc(rc, PluginRc.Failure);
                return null;
            }

            IReadOnlyList<OpenParam> parameters = state.Plugin.ListOpenParams() ?? Array.Empty<OpenParam>();
            var json = new JsonTextWriter();
            json.BeginArray();
            for (int i = 0; i < parameters.Count; i++)
            {
                // Nullable annotations do not bind what a plugin returns at run time.
                OpenParam? parameter = parameters[i];
                if (parameter?.Value is null)
                {
                    throw new PluginException($"open parameter {i} has no value");
                }

                json.BeginObject();
                json.Property("value", parameter.Value);
                json.Property("desc", parameter.Description ?? "");
                json.Property("separator", parameter.Separator ?? "");
                json.EndObject();
            }

            json.EndArray();
            PluginExports.SetRc(rc, PluginRc.Success);
            return state.StringResult.Set(json.ToString());
        }
        catch (Exception ex)
        {
            state?.SetError(PluginOperation.ListOpenParams, ex);
            PluginExports.SetRc(rc, PluginRc.Failure);
            return null;
        }
    }

    /// <summary><c>plugin_event_to_string</c>.</summary>
    public static byte* EventToString<TPlugin>(void* s, void* input)
        where TPlugin : class, IEventFormatter
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            var evt = (EventInput*)input;
            if (state is null || evt is null)
            {
                return null;
            }

            if (!EventView.TryCreate(evt->Evt, out EventView view, out string? error))
            {
                throw new PluginException($"event {evt->EvtNum} is malformed: {error}");
            }

            return state.StringResult.Set(state.Plugin.EventToString(view) ?? string.Empty);
        }
        catch (Exception ex)
        {
            state?.SetError(PluginOperation.EventToString, ex);
            return null;
        }
    }
}

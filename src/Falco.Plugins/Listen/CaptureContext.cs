using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;
using Falco.Plugins.Tables;

namespace Falco.Plugins;

/// <summary>What a capture listener gets at capture open and close. Valid only during the call.</summary>
public readonly unsafe ref struct CaptureContext
{
    private readonly CaptureListenInput* _input;
    private readonly PluginState _state;
    private readonly bool _tables;

    internal CaptureContext(CaptureListenInput* input, PluginState state)
    {
        _input = input;
        _state = state;
        _tables = state.Tables is not null;
    }

    /// <summary>Read and write access to the tables the plugin imported at init (plugins that take a <see cref="TableRegistry"/>).</summary>
    public TableWriter Tables =>
        _tables && _input is not null
            ? new TableWriter(new TableApi(_input->TableReaderExt, _input->TableWriterExt, _input->Owner, OwnerLastError))
            : default;

    /// <summary>Runs <paramref name="body"/> on the framework's thread pool, again and again while it returns true.</summary>
    /// <exception cref="PluginException">The framework has no thread pool or refused the routine.</exception>
    public Routine Subscribe(Func<bool> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (_input is null || _input->Routine is null || _input->Routine->Subscribe is null)
        {
            throw new PluginException("the framework offers no routines in this call");
        }

        var routine = new Routine(body);
        routine.Handle = GCHandle.Alloc(routine);
        void* handle = _input->Routine->Subscribe(_input->Owner, &RoutineCallbacks.Run, (void*)GCHandle.ToIntPtr(routine.Handle));
        if (handle is null)
        {
            routine.Handle.Free();
            throw new PluginException("the framework refused the routine (it may have no thread pool)");
        }

        routine.FrameworkHandle = handle;
        routine.IsSubscribed = true;
        _state.Routines.Add(routine);
        return routine;
    }

    /// <summary>Stops <paramref name="routine"/>; the framework waits for a call in progress.</summary>
    public void Unsubscribe(Routine routine)
    {
        ArgumentNullException.ThrowIfNull(routine);
        if (!routine.IsSubscribed)
        {
            return;
        }

        if (_input is null || _input->Routine is null || _input->Routine->Unsubscribe is null)
        {
            throw new PluginException("the framework offers no routines in this call");
        }

        PluginRc rc = _input->Routine->Unsubscribe(_input->Owner, routine.FrameworkHandle);
        routine.IsSubscribed = false;
        _state.Routines.Remove(routine);
        routine.Handle.Free();
        if (rc != PluginRc.Success)
        {
            throw new PluginException("the framework failed to unsubscribe the routine" + OwnerError());
        }
    }

    // get_owner_last_error joined the capture listen input in API 3.9.
    private delegate* unmanaged<void*, byte*> OwnerLastError => _state.Descriptor.Has(9) ? _input->GetOwnerLastError : null;

    private string OwnerError()
    {
        delegate* unmanaged<void*, byte*> get = OwnerLastError;
        byte* error = get is null ? null : get(_input->Owner);
        return error is null ? "" : ": " + Utf8Interop.ToString(error);
    }
}

/// <summary>The native entry of routines: the framework calls it with the plugin state and the routine's handle.</summary>
internal static unsafe class RoutineCallbacks
{
    [UnmanagedCallersOnly]
    public static uint Run(void* pluginState, void* routineState)
    {
        try
        {
            var routine = GCHandle.FromIntPtr((nint)routineState).Target as Routine;
            if (routine is null)
            {
                return 0;
            }

            bool again = routine.Run();
            if (routine.Failure is { } failure)
            {
                PluginState? state = PluginState.FromHandle(pluginState);
                state?.SetError(PluginOperation.Routine, failure);

                // The framework reads get_last_error only after a failed call, which this is not:
                // the log is where an operator learns that the routine stopped.
                state?.Logger?.Log(LogSeverity.Error, "a routine failed and was stopped: " + PluginState.Describe(failure));
            }

            return again ? 1u : 0u;
        }
        catch (Exception)
        {
            return 0;
        }
    }
}

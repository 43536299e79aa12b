using System;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>Runs iterate_entries with a .NET callback; an exception in the callback stops the iteration and is rethrown afterwards.</summary>
public static unsafe class Iteration
{
    public static uint Run(ReaderExt* reader, TableInput* table, Func<nint, bool> visit)
    {
        var state = new State(visit);
        GCHandle handle = GCHandle.Alloc(state);
        try
        {
            uint result = reader->IterateEntries(table, &Visit, (void*)GCHandle.ToIntPtr(handle));
            if (state.Error is not null)
            {
                throw new InvalidOperationException("the iteration callback failed", state.Error);
            }

            return result;
        }
        finally
        {
            handle.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static uint Visit(void* state, void* entry)
    {
        var context = (State)GCHandle.FromIntPtr((nint)state).Target!;
        try
        {
            return context.Visit((nint)entry) ? 1u : 0u;
        }
        catch (Exception error)
        {
            context.Error = error;
            return 0;
        }
    }

    private sealed class State(Func<nint, bool> visit)
    {
        public Func<nint, bool> Visit { get; } = visit;

        public Exception? Error { get; set; }
    }
}

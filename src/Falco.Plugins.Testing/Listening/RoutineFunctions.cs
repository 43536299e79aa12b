using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Running;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing.Listening;

/// <summary>
/// <c>ss_plugin_routine_vtable</c> of the capture listen input: subscribe and unsubscribe take
/// the owner, whose plugin and host say which state and pool a routine belongs to. Failures set
/// the owner's last error; nothing is thrown back to the plugin.
/// </summary>
internal static unsafe class RoutineFunctions
{
    public static RoutineVtable* Vtable { get; } = NativeBlock.Of(new RoutineVtable
    {
        Subscribe = &Subscribe,
        Unsubscribe = &Unsubscribe,
    });

    [UnmanagedCallersOnly]
    private static void* Subscribe(void* owner, delegate* unmanaged<void*, void*, uint> function, void* routineState)
    {
        HostOwner? host = null;
        try
        {
            host = HostOwner.Find(owner);
            Plugin? plugin = host?.Plugin;
            if (host is null || plugin is null)
            {
                return null;
            }

            if (function is null)
            {
                host.LastError = "routine function is null";
                return null;
            }

            nint handle = plugin.Host.Routines.Subscribe(plugin, function, (nint)plugin.StatePointer, (nint)routineState, out string? error);
            if (handle == 0)
            {
                host.LastError = error;
            }

            return (void*)handle;
        }
        catch (Exception error)
        {
            Fail(host, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc Unsubscribe(void* owner, void* routine)
    {
        HostOwner? host = null;
        try
        {
            host = HostOwner.Find(owner);
            Plugin? plugin = host?.Plugin;
            if (host is null || plugin is null)
            {
                return PluginRc.Failure;
            }

            string? error = plugin.Host.Routines.Unsubscribe(plugin, (nint)routine);
            if (error is not null)
            {
                host.LastError = error;
                return PluginRc.Failure;
            }

            return PluginRc.Success;
        }
        catch (Exception error)
        {
            Fail(host, error);
            return PluginRc.Failure;
        }
    }

    private static void Fail(HostOwner? host, Exception error)
    {
        try
        {
            if (host is not null)
            {
                host.LastError = error.Message;
            }
        }
        catch (Exception)
        {
            // Nothing left to report with.
        }
    }
}

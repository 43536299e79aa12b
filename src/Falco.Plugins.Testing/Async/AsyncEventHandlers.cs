using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Running;

namespace Falco.Plugins.Testing.Async;

/// <summary>
/// The <c>ss_plugin_async_event_handler_t</c> functions the host gives plugins: one for live
/// async events (set_async_event_handler), one for dump_state. Plugins call them from any
/// thread; errors go to the <c>err</c> buffer with FAILURE, and nothing is thrown back.
/// </summary>
internal static unsafe class AsyncEventHandlers
{
    private const string NoOwner = "async event handler called with an owner the host does not know";

    public static delegate* unmanaged<void*, EventHeader*, byte*, PluginRc> Live => &HandleLive;

    public static delegate* unmanaged<void*, EventHeader*, byte*, PluginRc> Dump => &HandleDump;

    [UnmanagedCallersOnly]
    private static PluginRc HandleLive(void* owner, EventHeader* evt, byte* err)
    {
        try
        {
            AsyncEventReceiver? receiver = HostOwner.Find(owner)?.Plugin?.AsyncReceiver;
            return Respond(receiver is null ? NoOwner : receiver.Receive(evt), err);
        }
        catch (Exception error)
        {
            return Respond(error.Message, err);
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc HandleDump(void* owner, EventHeader* evt, byte* err)
    {
        try
        {
            AsyncEventReceiver? receiver = HostOwner.Find(owner)?.Plugin?.AsyncReceiver;
            return Respond(receiver is null ? NoOwner : receiver.ReceiveDumped(evt), err);
        }
        catch (Exception error)
        {
            return Respond(error.Message, err);
        }
    }

    private static PluginRc Respond(string? error, byte* err)
    {
        if (error is null)
        {
            return PluginRc.Success;
        }

        try
        {
            ErrorBuffer.Write(err, error);
        }
        catch (Exception)
        {
            // Out of memory while reporting: the result code still says what happened.
        }

        return PluginRc.Failure;
    }
}

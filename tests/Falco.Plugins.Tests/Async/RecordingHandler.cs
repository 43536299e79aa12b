using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Falco.Plugins.Abi;
using Falco.Plugins.Async;

namespace Falco.Plugins.Tests.Async;

/// <summary>
/// A framework-side async handler for tests: it records every event it receives (a copy, as
/// the framework makes one), and can refuse them with an error message.
/// </summary>
internal static unsafe class RecordingHandler
{
    public static ConcurrentQueue<byte[]> Received { get; } = new();

    /// <summary>When set, the handler refuses events with this message.</summary>
    public static string? Refusal { get; set; }

    /// <summary>How many calls are inside the handler right now (to check that none run after a stop).</summary>
    public static int Inside;

    public static delegate* unmanaged<void*, EventHeader*, byte*, PluginRc> Pointer => &Handle;

    public static void Reset()
    {
        Received.Clear();
        Refusal = null;
        Inside = 0;
    }

    public static AsyncHandlerSession Session() => new(null, Pointer);

    [UnmanagedCallersOnly]
    private static PluginRc Handle(void* owner, EventHeader* evt, byte* err)
    {
        Interlocked.Increment(ref Inside);
        try
        {
            if (Refusal is { } refusal)
            {
                byte[] message = Encoding.UTF8.GetBytes(refusal + "\0");
                Marshal.Copy(message, 0, (nint)err, message.Length);
                return PluginRc.Failure;
            }

            Received.Enqueue(new ReadOnlySpan<byte>(evt, (int)evt->Len).ToArray());
            return PluginRc.Success;
        }
        finally
        {
            Interlocked.Decrement(ref Inside);
        }
    }
}

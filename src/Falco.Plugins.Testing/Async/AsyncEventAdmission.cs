using System;
using System.Buffers.Binary;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Async;

/// <summary>
/// What libsinsp's inspector does with a valid async event (handle_plugin_async_event): checks
/// it against the open event source, stamps the source's plugin id and a timestamp, and queues
/// it unless its time is too far ahead.
/// </summary>
internal static class AsyncEventAdmission
{
    private const ulong TenSecondsInNanoseconds = 10UL * 1_000_000_000UL;

    /// <summary>Null when the event was queued or deliberately dropped; otherwise the error for the plugin.</summary>
    public static string? Admit(PluginInfo plugin, byte[] evt, CurrentEventSource source, AsyncEventCollection queue)
    {
        if (source.IsCaptureOpen)
        {
            if (plugin.AsyncEventSources.Count > 0 && !Contains(plugin.AsyncEventSources, source.Name))
            {
                return $"async events of plugin '{plugin.Name}' are not compatible with open event source '{source.Name}'";
            }

            ulong threadId = BinaryPrimitives.ReadUInt64LittleEndian(evt.AsSpan(8));
            if (source.PluginId != 0 && threadId != AbiConstants.Unset)
            {
                return $"async events of plugin '{plugin.Name}' can have no thread associated with open event source '{source.Name}'";
            }
        }

        // Whatever the plugin wrote there, the event belongs to the open source.
        BinaryPrimitives.WriteUInt32LittleEndian(evt.AsSpan(AsyncEventLayout.PluginIdOffset), source.PluginId);
        ulong timestamp = BinaryPrimitives.ReadUInt64LittleEndian(evt);
        ulong now = EventTime.Now();
        bool hostAssigned = timestamp == AbiConstants.Unset;
        if (hostAssigned)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(evt, now);
        }
        else if (timestamp > now + TenSecondsInNanoseconds)
        {
            queue.CountTooFarInFuture();
            return null;
        }

        queue.Enqueue(CapturedEvent.Unnumbered(evt, source.Name), hostAssigned);
        return null;
    }

    private static bool Contains(System.Collections.Generic.IReadOnlyList<string> sources, string name)
    {
        foreach (string source in sources)
        {
            if (string.Equals(source, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

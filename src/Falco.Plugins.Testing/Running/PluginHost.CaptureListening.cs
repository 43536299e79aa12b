using System.Collections.Generic;

namespace Falco.Plugins.Testing;

// Capture listening: what an inspector does for its listening plugins when it opens and closes.
public sealed partial class PluginHost
{
    /// <summary>The thread pool that runs the routines plugins subscribe, with counters for tests.</summary>
    public RoutinePool Routines { get; } = new();

    /// <summary>Calls capture_open of every capture-listening plugin, in load order, as libsinsp does when it opens a capture.</summary>
    /// <exception cref="PluginHostException">A plugin failed; the plugins after it were not called, as in libsinsp.</exception>
    public void OpenCapture()
    {
        foreach (Plugin plugin in Plugins)
        {
            if (plugin.Info.Capabilities.HasFlag(PluginCapabilities.CaptureListening))
            {
                plugin.CaptureOpen();
            }
        }
    }

    /// <summary>Calls capture_close of every capture-listening plugin, in load order, even when one fails.</summary>
    /// <exception cref="PluginHostException">One or more plugins failed; the message lists them.</exception>
    public void CloseCapture()
    {
        var failures = new List<string>();
        foreach (Plugin plugin in Plugins)
        {
            if (!plugin.Info.Capabilities.HasFlag(PluginCapabilities.CaptureListening))
            {
                continue;
            }

            try
            {
                plugin.CaptureClose();
            }
            catch (PluginHostException error)
            {
                failures.Add(error.Message);
            }
        }

        if (failures.Count > 0)
        {
            throw new PluginHostException(string.Join(", ", failures));
        }
    }
}

using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Listening;
using Falco.Plugins.Testing.Running;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

// Capture listening (API 3.7): capture_open, capture_close and the routines they may subscribe.
public sealed unsafe partial class Plugin
{
    /// <summary>Whether capture_open succeeded and capture_close was not called since.</summary>
    public bool IsCaptureOpen { get; private set; }

    /// <summary>How many table entry handles the plugin holds: entries obtained in capture_open and capture_close stay alive, as in libsinsp.</summary>
    public int LiveEntryHandles => _tables.LiveEntryHandles;

    /// <summary>
    /// Tells the plugin a capture opens (<c>plugin_capture_open</c>), with the capture listen
    /// input: the owner, the routine vtable of <see cref="PluginHost.Routines"/>, the table reader
    /// and writer, and get_owner_last_error. libsinsp does not garbage-collect table handles after
    /// this call, and neither does the host. libsinsp may call it several times in a plugin's life.
    /// </summary>
    /// <exception cref="PluginHostException">The plugin does not listen to captures, or capture_open failed (the message has its last error).</exception>
    public void CaptureOpen()
    {
        RequireCapability(PluginCapabilities.CaptureListening);
        if (CallCaptureListener(Api.CaptureOpen) != (int)PluginRc.Success)
        {
            throw new PluginHostException($"error on capture open for plugin '{Info.Name}': {LastError}");
        }

        IsCaptureOpen = true;
    }

    /// <summary>Tells the plugin the capture closes (<c>plugin_capture_close</c>), with the same input as <see cref="CaptureOpen"/>.</summary>
    /// <exception cref="PluginHostException">The plugin does not listen to captures, or capture_close failed (the message has its last error).</exception>
    public void CaptureClose()
    {
        RequireCapability(PluginCapabilities.CaptureListening);
        IsCaptureOpen = false;
        if (CallCaptureListener(Api.CaptureClose) != (int)PluginRc.Success)
        {
            throw new PluginHostException($"error on capture close for plugin '{Info.Name}': {LastError}");
        }
    }

    private int CallCaptureListener(delegate* unmanaged<void*, CaptureListenInput*, PluginRc> listener)
    {
        var input = new CaptureListenInput
        {
            Owner = _owner.Pointer,
            Routine = RoutineFunctions.Vtable,
            TableReaderExt = DispatchFunctions.ReaderExt,
            TableWriterExt = DispatchFunctions.WriterExt,
            GetOwnerLastError = HostOwner.GetOwnerLastErrorFunction,
        };
        return (int)listener(State, &input);
    }

    /// <summary>Closing an inspector calls capture_close of listening plugins, and so does disposal.</summary>
    private void CloseListeningQuietly()
    {
        if (!IsCaptureOpen)
        {
            return;
        }

        try
        {
            CaptureClose();
        }
        catch (PluginHostException)
        {
            // Disposal goes on: the plugin is destroyed next anyway.
        }
    }
}

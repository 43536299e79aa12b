using System;
using System.Collections.Generic;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Async;

/// <summary>
/// One plugin's side of the async handlers: whether the host's handler is set (libsinsp's
/// m_async_evt_handler), the names the plugin declared, and the events of a dump_state call in
/// progress. The handlers run on plugin threads, so the state here is read and written atomically.
/// </summary>
internal sealed unsafe class AsyncEventReceiver
{
    private readonly Plugin _plugin;
    private readonly HashSet<string> _declaredNames;
    private readonly object _dumpLock = new();
    private List<CapturedEvent>? _dumped;
    private volatile bool _handlerSet;

    public AsyncEventReceiver(Plugin plugin)
    {
        _plugin = plugin;
        _declaredNames = new HashSet<string>(plugin.Info.AsyncEvents, StringComparer.Ordinal);
    }

    /// <summary>Whether the plugin holds the host's async handler; set before the plugin is told, as libsinsp does.</summary>
    public bool HandlerSet
    {
        get => _handlerSet;
        set => _handlerSet = value;
    }

    private string Name => _plugin.Info.Name;

    /// <summary>The async handler: validates, then hands the event to the host. Returns the error for the plugin, or null.</summary>
    public string? Receive(EventHeader* evt)
    {
        if (!_plugin.Info.Capabilities.HasFlag(PluginCapabilities.Async))
        {
            return "plugin without async events cap used as async handler";
        }

        if (!_handlerSet)
        {
            return "async event sent with NULL handler: " + Name;
        }

        PluginHost host = _plugin.Host;
        return AsyncEventValidator.Check(evt, Name, _declaredNames, out byte[] copy)
            ?? AsyncEventAdmission.Admit(_plugin.Info, copy, host.Captures.Current, host.AsyncEvents);
    }

    /// <summary>Starts collecting the events of a dump_state call.</summary>
    public void BeginDump()
    {
        lock (_dumpLock)
        {
            _dumped = new List<CapturedEvent>();
        }
    }

    /// <summary>Ends the dump_state call and returns what it produced.</summary>
    public List<CapturedEvent> EndDump()
    {
        lock (_dumpLock)
        {
            List<CapturedEvent> dumped = _dumped ?? new List<CapturedEvent>();
            _dumped = null;
            return dumped;
        }
    }

    /// <summary>The dump handler: validates like the async handler and collects the event as the plugin produced it.</summary>
    public string? ReceiveDumped(EventHeader* evt)
    {
        string? error = AsyncEventValidator.Check(evt, Name, _declaredNames, out byte[] copy);
        if (error is not null)
        {
            return error;
        }

        lock (_dumpLock)
        {
            if (_dumped is null)
            {
                return "dump handler used outside of dump_state by plugin: " + Name;
            }

            _dumped.Add(CapturedEvent.Unnumbered(copy, _plugin.Host.Captures.Current.Name));
            return null;
        }
    }
}

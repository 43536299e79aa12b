using System.Collections.Generic;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Async;

namespace Falco.Plugins.Testing;

// Async events (API 3.0) and dump_state (API 3.10).
public sealed unsafe partial class Plugin
{
    private readonly AsyncEventReceiver _asyncReceiver;

    /// <summary>Whether the plugin holds the host's async event handler (set at load for async plugins; see <see cref="SetAsyncHandler"/>).</summary>
    public bool AsyncHandlerSet => _asyncReceiver.HandlerSet;

    internal AsyncEventReceiver AsyncReceiver => _asyncReceiver;

    /// <summary>
    /// Gives the plugin the host's async event handler (<paramref name="enabled"/>) or takes it
    /// away (NULL), through <c>plugin_set_async_event_handler</c>. libsinsp refuses to set a
    /// handler over another, so when one is set the host first resets it (NULL), then sets it.
    /// Events the plugin sends go to <see cref="PluginHost.AsyncEvents"/>.
    /// </summary>
    /// <remarks>
    /// The host sets handlers at load (<see cref="PluginHostOptions.SetAsyncHandlerAtLoad"/>),
    /// where libsinsp sets them when a live capture opens: a test needs no capture to see events.
    /// As in libsinsp, the host's side changes before the plugin is called, so an event sent
    /// while the handler is being reset fails with "async event sent with NULL handler".
    /// </remarks>
    /// <exception cref="PluginHostException">The plugin has no async capability, or the call failed (the host's side is rolled back).</exception>
    public void SetAsyncHandler(bool enabled)
    {
        RequireCapability(PluginCapabilities.Async);
        if (enabled && _asyncReceiver.HandlerSet)
        {
            CallSetAsyncEventHandler(false);
        }

        CallSetAsyncEventHandler(enabled);
    }

    /// <summary>
    /// Calls <c>plugin_dump_state(state, owner, handler)</c> with a handler of its own, which
    /// checks each event as the async handler does, and returns the events in the order the plugin
    /// produced them, unchanged (number 0, source of the host's current event source).
    /// </summary>
    /// <exception cref="PluginHostException">The plugin has no dump_state, or it failed (the message has its last error).</exception>
    public IReadOnlyList<CapturedEvent> DumpState()
    {
        if (Api.DumpState is null)
        {
            throw new PluginHostException($"plugin {Info.Name} does not support dump_state");
        }

        void* state = State;
        _asyncReceiver.BeginDump();
        int rc;
        List<CapturedEvent> dumped;
        try
        {
            rc = (int)Api.DumpState(state, _owner.Pointer, AsyncEventHandlers.Dump);
        }
        finally
        {
            dumped = _asyncReceiver.EndDump();
        }

        return rc == (int)PluginRc.Success
            ? dumped
            : throw new PluginHostException($"plugin {Info.Name} failed to dump its state: {LastError}");
    }

    private void SetAsyncHandlerAtLoad()
    {
        if (Info.Capabilities.HasFlag(PluginCapabilities.Async) && _library.Options.SetAsyncHandlerAtLoad)
        {
            CallSetAsyncEventHandler(true);
        }
    }

    /// <summary>libsinsp resets the handlers when it closes a live capture, before plugins are destroyed.</summary>
    private void ResetAsyncHandlerQuietly()
    {
        if (!_asyncReceiver.HandlerSet)
        {
            return;
        }

        try
        {
            CallSetAsyncEventHandler(false);
        }
        catch (PluginHostException)
        {
            // Disposal goes on: the plugin is destroyed next anyway.
        }
    }

    private void CallSetAsyncEventHandler(bool enabled)
    {
        void* state = State;
        bool previous = _asyncReceiver.HandlerSet;
        _asyncReceiver.HandlerSet = enabled;
        int rc = (int)Api.SetAsyncEventHandler(state, _owner.Pointer, enabled ? AsyncEventHandlers.Live : null);
        if (rc != (int)PluginRc.Success)
        {
            _asyncReceiver.HandlerSet = previous;
            string verb = enabled ? "set" : "reset";
            throw new PluginHostException($"can't {verb} async event handler for plugin '{Info.Name}' : {LastError}");
        }
    }
}

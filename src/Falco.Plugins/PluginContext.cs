using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;

namespace Falco.Plugins;

/// <summary>
/// What the framework hands a plugin at init, for plugin constructors that take it.
/// </summary>
public sealed unsafe class PluginContext
{
    private readonly void* _owner;
    private readonly delegate* unmanaged<void*, byte*> _getOwnerLastError;
    private readonly delegate* unmanaged<void*, byte*, byte*, LogSeverity, void> _log;

    internal PluginContext(PluginDescriptor descriptor, InitInput* input)
    {
        PluginName = descriptor.Name;
        if (input is not null)
        {
            _owner = input->Owner;
            _getOwnerLastError = input->GetOwnerLastError;

            // log_fn is the last member of the init input; frameworks before 3.4 pass a shorter
            // struct or a log_fn without the owner argument, so it is read only when the plugin
            // requires 3.4, which plugins that log do.
            if (descriptor.Has(4))
            {
                _log = input->LogFn;
            }
        }
    }

    /// <summary>The plugin name.</summary>
    public string PluginName { get; }

    /// <summary>Creates the logger handed to a plugin constructor that takes a <see cref="PluginLogger"/>.</summary>
    internal PluginLogger CreateLogger() => new(PluginName, _owner, _log);

    /// <summary>
    /// The last error the framework (the plugin's owner) recorded, e.g. after a failed table
    /// operation, or <see langword="null"/> when there is none or the framework offers none.
    /// </summary>
    public string? GetOwnerLastError()
    {
        if (_getOwnerLastError is null)
        {
            return null;
        }

        byte* message = _getOwnerLastError(_owner);
        return message is null ? null : Utf8Interop.ToString(message);
    }
}

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
    private readonly PluginDescriptor _descriptor;
    private readonly PluginState _state;
    private InitInput* _input;
    private Tables.TableRegistry? _tables;

    internal PluginContext(PluginDescriptor descriptor, InitInput* input, PluginState state)
    {
        PluginName = descriptor.Name;
        _descriptor = descriptor;
        _state = state;
        _input = input;
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

    /// <summary>The table registry handed to a plugin constructor that takes one; valid during init only.</summary>
    internal Tables.TableRegistry CreateTables()
    {
        if (_tables is not null)
        {
            return _tables;
        }

        if (_input is null || _input->Tables is null)
        {
            throw new PluginException("the framework gave no table access: it gives tables only to plugins that parse events or extract fields");
        }

        _tables = new Tables.TableRegistry(_descriptor, _input->Tables, _owner, _getOwnerLastError, _state);
        return _tables;
    }

    /// <summary>The metrics handed to a plugin constructor that takes them.</summary>
    internal PluginMetrics? Metrics { get; private set; }

    internal PluginMetrics CreateMetrics() => Metrics ??= new PluginMetrics(PluginName);

    /// <summary>Ends init: the input struct is gone, and table setup closes.</summary>
    internal Tables.TableRegistry? EndInit()
    {
        _input = null;
        _tables?.Close();
        return _tables;
    }

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

using System;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;

namespace Falco.Plugins;

/// <summary>
/// Sends messages to the framework's logger (<c>log_fn</c>, API 3.4), with the plugin name as
/// component. A plugin gets one by taking it as a constructor parameter, which raises its
/// required API version to 3.4.0. When the framework gives no logger, messages are dropped.
/// </summary>
public sealed unsafe class PluginLogger
{
    private readonly void* _owner;
    private readonly delegate* unmanaged<void*, byte*, byte*, LogSeverity, void> _log;
    private readonly byte[] _component;

    internal PluginLogger(string pluginName, void* owner, delegate* unmanaged<void*, byte*, byte*, LogSeverity, void> log)
    {
        _owner = owner;
        _log = log;
        _component = Encoding.UTF8.GetBytes(pluginName + "\0");
    }

    /// <summary>Whether messages reach the framework (it may offer no logger).</summary>
    public bool IsEnabled => _log is not null;

    /// <summary>Logs <paramref name="message"/> with <paramref name="severity"/>.</summary>
    public void Log(LogSeverity severity, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_log is null)
        {
            return;
        }

        int length = Encoding.UTF8.GetByteCount(message);
        byte[]? rented = null;
        Span<byte> text = length < 512 ? stackalloc byte[length + 1] : (rented = new byte[length + 1]);
        Encoding.UTF8.GetBytes(message, text);
        text[length] = 0;
        fixed (byte* component = _component)
        fixed (byte* msg = text)
        {
            _log(_owner, component, msg, severity);
        }

        GC.KeepAlive(rented);
    }

    /// <summary>Logs an informational message.</summary>
    public void Info(string message) => Log(LogSeverity.Info, message);

    /// <summary>Logs a warning.</summary>
    public void Warning(string message) => Log(LogSeverity.Warning, message);

    /// <summary>Logs an error.</summary>
    public void Error(string message) => Log(LogSeverity.Error, message);

    /// <summary>Logs a debugging message.</summary>
    public void Debug(string message) => Log(LogSeverity.Debug, message);
}

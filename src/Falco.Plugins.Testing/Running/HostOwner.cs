using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing.Running;

/// <summary>
/// The framework side a plugin talks back to (its "owner"): the owner's last error and the
/// logger. The pointer handed to the plugin as <c>ss_plugin_owner_t*</c> is a GC handle to it.
/// Plugins call the owner from their own threads (log_fn, routines, async events), so
/// everything here is safe to use concurrently.
/// </summary>
internal sealed unsafe class HostOwner : IDisposable
{
    // One lock for every sink: a test's sink (an xunit output helper, a list) need not be thread-safe.
    private static readonly object s_sinkLock = new();
    private readonly List<LogEntry> _logs = new();
    private readonly Action<LogEntry>? _sink;
    private readonly string _pluginName;
    private readonly object _errorLock = new();
    private GCHandle _handle;
    private byte* _lastError;

    // The error replaced last: a plugin on another thread may still be reading the pointer
    // get_owner_last_error gave it, so a buffer is freed one replacement later.
    private byte* _retiredError;

    public HostOwner(string pluginName, Action<LogEntry>? sink)
    {
        _pluginName = pluginName;
        _sink = sink;
        _handle = GCHandle.Alloc(this);
    }

    public void* Pointer => (void*)GCHandle.ToIntPtr(_handle);

    /// <summary>The plugin's table state, reached by list_tables, get_table and add_table through the owner pointer.</summary>
    public TableSession? Tables { get; set; }

    /// <summary>The plugin this owner stands for, reached by the async event handlers and the routine vtable; null for host views and in-process stand-ins.</summary>
    public Plugin? Plugin { get; set; }

    /// <summary>The owner's last error, as get_owner_last_error reports it; null for none.</summary>
    public string? LastError
    {
        get
        {
            lock (_errorLock)
            {
                return _lastError is null ? null : PluginLibrary.Str(_lastError);
            }
        }

        set
        {
            byte* replacement = null;
            if (value is not null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(value + "\0");
                replacement = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
                bytes.CopyTo(new Span<byte>(replacement, bytes.Length));
            }

            lock (_errorLock)
            {
                NativeMemory.Free(_retiredError);
                _retiredError = _lastError;
                _lastError = replacement;
            }
        }
    }

    public IReadOnlyList<LogEntry> Logs
    {
        get
        {
            lock (_logs)
            {
                return _logs.ToArray();
            }
        }
    }

    public static delegate* unmanaged<void*, byte*> GetOwnerLastErrorFunction => &GetOwnerLastError;

    public static delegate* unmanaged<void*, byte*, byte*, LogSeverity, void> LogFunction => &Log;

    public void Dispose()
    {
        lock (_errorLock)
        {
            NativeMemory.Free(_retiredError);
            NativeMemory.Free(_lastError);
            _retiredError = null;
            _lastError = null;
        }

        if (_handle.IsAllocated)
        {
            _handle.Free();
        }
    }

    /// <summary>The owner behind an <c>ss_plugin_owner_t*</c> the host handed out, or null for NULL.</summary>
    public static HostOwner? Find(void* owner) => From(owner);

    private static HostOwner? From(void* owner) =>
        owner is null ? null : GCHandle.FromIntPtr((nint)owner).Target as HostOwner;

    [UnmanagedCallersOnly]
    private static byte* GetOwnerLastError(void* owner)
    {
        try
        {
            HostOwner? host = From(owner);
            if (host is null)
            {
                return null;
            }

            lock (host._errorLock)
            {
                return host._lastError;
            }
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static void Log(void* owner, byte* component, byte* message, LogSeverity severity)
    {
        try
        {
            HostOwner? host = From(owner);
            if (host is null)
            {
                return;
            }

            string name = component is null ? host._pluginName : PluginLibrary.Str(component);
            var entry = new LogEntry(name, PluginLibrary.Str(message), severity);
            lock (host._logs)
            {
                host._logs.Add(entry);
            }

            if (host._sink is { } sink)
            {
                lock (s_sinkLock)
                {
                    sink(entry);
                }
            }
        }
        catch (Exception)
        {
            // A logger must not fail its caller.
        }
    }
}

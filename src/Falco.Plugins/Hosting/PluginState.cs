using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Falco.Plugins.Extract;

namespace Falco.Plugins.Hosting;

/// <summary>
/// The object behind an <c>ss_plugin_t*</c>: one per <c>plugin_init</c> call. It holds the
/// plugin object, the last error and the native buffers results are returned in. The handle
/// given to the framework is a GC handle to this object. Not meant for plugin code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Native buffers are freed by Release, which plugin_destroy calls.")]
public abstract unsafe class PluginState
{
    private readonly NativeUtf8Buffer _errorBuffer = new();
    private readonly NativeUtf8Buffer _stringResult = new();
    private ExtractSession? _extract;
    private GCHandle _handle;
    private string? _lastError;

    private protected PluginState(PluginDescriptor descriptor)
    {
        Descriptor = descriptor;
        _handle = GCHandle.Alloc(this);
    }

    /// <summary>What the generated code declared about the plugin.</summary>
    public PluginDescriptor Descriptor { get; }

    /// <summary>The pointer handed to the framework as <c>ss_plugin_t*</c>.</summary>
    internal void* Handle => (void*)GCHandle.ToIntPtr(_handle);

    /// <summary>The last error message, or <see langword="null"/>.</summary>
    internal string? LastError => _lastError;

    /// <summary>The plugin's table registry, which owns the tables it exports; null for plugins without tables.</summary>
    internal Tables.TableRegistry? Tables { get; set; }

    /// <summary>The plugin's metrics, reported by get_metrics; null for plugins without metrics.</summary>
    internal PluginMetrics? Metrics { get; set; }

    /// <summary>The routines subscribed at capture open and not yet unsubscribed.</summary>
    internal System.Collections.Generic.List<Routine> Routines { get; } = new();

    /// <summary>The framework's logger, for problems the SDK reports without failing a call (a no-op before API 3.4).</summary>
    internal PluginLogger? Logger { get; set; }

    /// <summary>The async event producer, created when the framework first sets a handler.</summary>
    internal Async.AsyncProducer? Async { get; set; }

    /// <summary>Where extract_fields results live.</summary>
    internal ExtractSession Extract
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _extract ?? CreateExtract();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ExtractSession CreateExtract() => _extract = new ExtractSession();

    /// <summary>A buffer for the string results of event_to_string, get_progress and list_open_params.</summary>
    internal NativeUtf8Buffer StringResult => _stringResult;

    /// <summary>Records that <paramref name="operation"/> failed because of <paramref name="error"/> and returns <c>SS_PLUGIN_FAILURE</c>.</summary>
    public int Fail(string operation, Exception error)
    {
        SetError(operation, error);
        return (int)Abi.PluginRc.Failure;
    }

    /// <summary>Records the failure of extracting one field, naming the field.</summary>
    public int FailExtract(Exception error, uint fieldId)
    {
        string field = fieldId < (uint)Descriptor.FieldNames.Length ? Descriptor.FieldNames[fieldId] : $"#{fieldId}";
        _lastError = $"{Descriptor.Name}: {PluginOperation.ExtractFields}: field {field}: {Describe(error)}";
        return (int)Abi.PluginRc.Failure;
    }

    internal void SetError(string operation, Exception error) => SetError(operation, Describe(error));

    internal void SetError(string operation, string message) =>
        _lastError = OneLine($"{Descriptor.Name}: {operation}: {message}");

    /// <summary>The last error as a C string owned by this state.</summary>
    internal byte* LastErrorPointer() => _errorBuffer.Set(_lastError ?? string.Empty);

    /// <summary>Explains an exception to an operator: expected failures by their message, others with their type.</summary>
    internal static string Describe(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }

        // Wrapped causes are kept: "could not connect" alone does not say that the DNS lookup failed.
        var text = new System.Text.StringBuilder(DescribeOne(error));
        int depth = 0;
        for (Exception? cause = error.InnerException; cause is not null && depth < MaxCauses; cause = cause.InnerException, depth++)
        {
            if (!error.Message.Contains(cause.Message, StringComparison.Ordinal))
            {
                text.Append(": ").Append(DescribeOne(cause));
            }
        }

        return OneLine(text.ToString());
    }

    private const int MaxCauses = 4;

    private static string DescribeOne(Exception error) =>
        error is PluginException ? error.Message : $"{error.GetType().Name}: {error.Message}";

    /// <summary>Falco writes the last error into its log: a second line would read as another entry.</summary>
    private static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? message.ReplaceLineEndings(" ")
            : message;

    /// <summary>Releases the plugin object and every native buffer, and frees the handle.</summary>
    internal void Release()
    {
        try
        {
            // The framework clears the handler before destroying; if it did not, stop the
            // producer here so that nothing emits into a plugin being torn down.
            Async?.Stop();
            DisposePlugin();
        }
        finally
        {
            // Tables the plugin exported outlive the plugin object: the framework drops them
            // when it destroys the plugin, which is now.
            Tables?.DisposeExported();
            Metrics?.Dispose();
            _extract?.Dispose();
            _errorBuffer.Dispose();
            _stringResult.Dispose();
            if (_handle.IsAllocated)
            {
                _handle.Free();
            }
        }
    }

    private protected abstract void DisposePlugin();

    /// <summary>The state behind a handle, or <see langword="null"/> for NULL.</summary>
    internal static PluginState? FromHandle(void* handle) =>
        handle is null ? null : Unsafe.As<PluginState>(GCHandle.FromIntPtr((nint)handle).Target);
}

/// <summary>The state of a plugin of type <typeparamref name="TPlugin"/>. Not meant for plugin code.</summary>
/// <typeparam name="TPlugin">The plugin class.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed unsafe class PluginState<TPlugin> : PluginState
    where TPlugin : class
{
    private TPlugin? _plugin;
    private string? _initError;

    internal PluginState(PluginDescriptor descriptor)
        : base(descriptor)
    {
    }

    /// <summary>The plugin object; throws when <c>plugin_init</c> failed.</summary>
    public TPlugin Plugin
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _plugin ?? ThrowNotInitialized();
    }

    internal void Initialize(TPlugin plugin) => _plugin = plugin;

    internal void InitializationFailed(string message) => _initError = message;

    /// <summary>The state behind a handle given by <c>plugin_init</c>, or <see langword="null"/> for NULL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static new PluginState<TPlugin>? FromHandle(void* handle) =>
        handle is null ? null : Unsafe.As<PluginState<TPlugin>>(GCHandle.FromIntPtr((nint)handle).Target);

    private protected override void DisposePlugin()
    {
        TPlugin? plugin = _plugin;
        _plugin = null;
        (plugin as IDisposable)?.Dispose();
    }

    private TPlugin ThrowNotInitialized() =>
        throw new PluginException(_initError is null ? "the plugin is not initialized" : $"the plugin failed to initialize: {_initError}");
}

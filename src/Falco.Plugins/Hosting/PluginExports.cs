using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Hosting;

/// <summary>Creates a plugin object from its init config.</summary>
/// <typeparam name="TPlugin">The plugin class.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate TPlugin PluginFactory<TPlugin>(string config, PluginContext context);

/// <summary>
/// The base plugin API as the generated exports call it: init, destroy, get_last_error and
/// static strings. Every method turns failures into return codes and never lets an
/// exception reach the framework. Not meant for plugin code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PluginExports
{
    /// <summary><c>plugin_init</c>: creates a new, independent plugin object.</summary>
    /// <remarks>
    /// On failure the state is still returned (with <c>*rc</c> set to FAILURE), as the
    /// framework keeps it to read <c>plugin_get_last_error</c> and later destroys it.
    /// </remarks>
    public static void* Init<TPlugin>(void* input, int* rc, PluginDescriptor descriptor, PluginFactory<TPlugin> factory)
        where TPlugin : class
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = new PluginState<TPlugin>(descriptor);
            var init = (InitInput*)input;
            string config = init is null ? string.Empty : Utf8Interop.ToString(init->Config);
            var context = new PluginContext(descriptor, init, state);
            try
            {
                state.Initialize(factory(config, context));
            }
            finally
            {
                state.Tables = context.EndInit();
                state.Metrics = context.Metrics;
                state.Logger = context.CreateLogger();
            }

            SetRc(rc, PluginRc.Success);
            return state.Handle;
        }
        catch (Exception ex)
        {
            SetRc(rc, PluginRc.Failure);
            if (state is null)
            {
                return null;
            }

            state.SetError(PluginOperation.Init, ex);
            state.InitializationFailed(PluginState.Describe(ex));
            return state.Handle;
        }
    }

    /// <summary><c>plugin_destroy</c>: disposes the plugin object and frees the state.</summary>
    public static void Destroy(void* handle)
    {
        try
        {
            PluginState.FromHandle(handle)?.Release();
        }
        catch (Exception)
        {
            // destroy returns nothing and the state is gone: there is nowhere left to report to.
        }
    }

    /// <summary><c>plugin_get_last_error</c>.</summary>
    public static byte* GetLastError(void* handle)
    {
        try
        {
            PluginState? state = PluginState.FromHandle(handle);
            return state is null ? NullStateMessage() : state.LastErrorPointer();
        }
        catch (Exception)
        {
            return NullStateMessage();
        }
    }

    /// <summary>The address of a NUL-terminated UTF-8 literal compiled into the plugin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* Literal(ReadOnlySpan<byte> utf8WithNul) =>
        (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(utf8WithNul));

    /// <summary><c>plugin_get_init_schema</c>: reports a JSON schema.</summary>
    public static byte* InitSchema(uint* schemaType, ReadOnlySpan<byte> schemaWithNul)
    {
        if (schemaType is not null)
        {
            *schemaType = (uint)SchemaType.Json;
        }

        return Literal(schemaWithNul);
    }

    /// <summary>
    /// The logger for a plugin constructor that takes one. It reaches the framework only when
    /// the plugin requires API 3.4 (the generator sees to that for such plugins).
    /// </summary>
    public static PluginLogger CreateLogger(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CreateLogger();
    }

    /// <summary><c>plugin_set_config</c>: binds the new config like the init config and hands it to the plugin.</summary>
    public static int SetConfig<TPlugin, TConfig>(void* s, void* input, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TConfig> typeInfo, ReadOnlySpan<byte> schemaUtf8)
        where TPlugin : class, IConfigurable<TConfig>
        where TConfig : class
    {
        PluginState<TPlugin>? state = null;
        try
        {
            state = PluginState<TPlugin>.FromHandle(s);
            if (state is null || input is null)
            {
                state?.SetError(PluginOperation.SetConfig, "called with a NULL argument");
                return (int)PluginRc.Failure;
            }

            string config = Utf8Interop.ToString(((SetConfigInput*)input)->Config);
            TConfig bound = ConfigBinder.Bind(config, typeInfo, schemaUtf8, "new config");
            state.Plugin.SetConfig(bound);
            return (int)PluginRc.Success;
        }
        catch (Exception ex)
        {
            return state is null ? (int)PluginRc.Failure : state.Fail(PluginOperation.SetConfig, ex);
        }
    }

    /// <summary>An <see cref="Microsoft.Extensions.Logging.ILogger"/> for a plugin constructor that takes one (API 3.4, as for <see cref="PluginLogger"/>).</summary>
    public static Microsoft.Extensions.Logging.ILogger CreateMicrosoftLogger(PluginContext context) =>
        new Diagnostics.FalcoLogger(CreateLogger(context));

    /// <summary>An <see cref="Microsoft.Extensions.Logging.ILogger{TCategoryName}"/> for a plugin constructor that takes one.</summary>
    public static Microsoft.Extensions.Logging.ILogger<T> CreateMicrosoftLogger<T>(PluginContext context) =>
        new Diagnostics.FalcoLogger<T>(CreateLogger(context));

    /// <summary>An <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/> for a plugin constructor that takes one.</summary>
    public static Microsoft.Extensions.Logging.ILoggerFactory CreateLoggerFactory(PluginContext context) =>
        new Diagnostics.FalcoLoggerFactory(CreateLogger(context));

    /// <summary>The metrics for a plugin constructor that takes them (API 3.6); the plugin state reports them in get_metrics.</summary>
    public static PluginMetrics CreateMetrics(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CreateMetrics();
    }

    /// <summary><c>plugin_get_metrics</c>: the plugin's metrics, in a native array valid until the next call.</summary>
    public static void* GetMetrics(void* s, uint* count)
    {
        if (count is not null)
        {
            *count = 0;
        }

        try
        {
            PluginState? state = PluginState.FromHandle(s);
            if (state?.Metrics is not { } metrics || count is null)
            {
                return null;
            }

            Metric* collected = metrics.Collect(out *count);
            if (metrics.LastCollectionFailure is { } failure)
            {
                // get_metrics has no failure code: the last error and the log are what an operator gets.
                state.SetError(PluginOperation.GetMetrics, failure);
                state.Logger?.Log(LogSeverity.Warning, failure);
            }

            return collected;
        }
        catch (Exception)
        {
            if (count is not null)
            {
                *count = 0;
            }

            return null;
        }
    }

    /// <summary>The table registry for a plugin constructor that takes one (only plugins that parse or extract get tables).</summary>
    public static Tables.TableRegistry CreateTableRegistry(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CreateTables();
    }

    /// <summary>A native array of event codes for get_*_event_types, allocated once and kept for the life of the process.</summary>
    public static ushort* EventTypes(params ushort[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var array = (ushort*)NativeMemory.Alloc((nuint)Math.Max(1, codes.Length), sizeof(ushort));
        codes.CopyTo(new Span<ushort>(array, codes.Length));
        return array;
    }

    internal static void SetRc(int* rc, PluginRc value)
    {
        if (rc is not null)
        {
            *rc = (int)value;
        }
    }

    private static byte* NullStateMessage() => Literal("no plugin state: plugin_init was not called or failed to allocate\0"u8);
}

using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Loading;
using Falco.Plugins.Testing.Native;

namespace Falco.Plugins.Testing;

/// <summary>
/// A plugin shared library loaded the way libsinsp loads one: <c>dlopen</c> with
/// RTLD_NOW | RTLD_LOCAL, every <c>plugin_*</c> symbol resolved, then the loader's checks in
/// its order (required API version, required symbols, version string, capabilities, event
/// source, fields JSON, source lists). Disposing it calls <c>dlclose</c>, as libsinsp does
/// when it destroys a plugin.
/// </summary>
public sealed unsafe class PluginLibrary : IDisposable
{
    private nint _handle;
    private PluginApi _api;
    private int _liveStates;

    private PluginLibrary(string path, nint handle, PluginHostOptions options)
    {
        _handle = handle;
        Options = options;
        Info = new PluginInfo { Path = path, Name = "", Description = "", Contact = "", Version = "", RequiredApiVersion = "", Capabilities = PluginCapabilities.None };
    }

    /// <summary>What the plugin declares.</summary>
    public PluginInfo Info { get; private set; }

    /// <summary>The host settings this library was loaded with.</summary>
    public PluginHostOptions Options { get; }

    internal ref readonly PluginApi Api => ref _api;

    /// <summary>Loads and checks the plugin at <paramref name="path"/>.</summary>
    /// <exception cref="PluginHostException">The library cannot be loaded or breaks a loader rule.</exception>
    public static PluginLibrary Load(string path, PluginHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= PluginHostOptions.Default;
        nint handle = LibDl.Open(System.IO.Path.GetFullPath(path), LibDl.RtldNow | LibDl.RtldLocal);
        if (handle == 0)
        {
            throw new PluginHostException("can't load plugin dynamic library: " + LibDl.LastError());
        }

        var library = new PluginLibrary(path, handle, options);
        try
        {
            library.Resolve();
            return library;
        }
        catch
        {
            library.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Initializes a new plugin state with <paramref name="config"/> (see <see cref="Plugin"/>),
    /// in a <see cref="PluginHost"/> of its own. The library stays loaded when the state is disposed.
    /// </summary>
    /// <exception cref="PluginHostException">The config breaks the init schema or plugin_init fails.</exception>
    public Plugin Init(string config = "")
    {
        var host = new PluginHost(Options);
        try
        {
            return host.Init(this, config, ownsLibrary: false, pluginOwnsHost: true);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    internal void StateCreated() => _liveStates++;

    internal void StateDestroyed() => _liveStates--;

    /// <summary>Calls <c>dlclose</c>. Plugins initialized from this library must be disposed first.</summary>
    public void Dispose()
    {
        if (_handle == 0)
        {
            return;
        }

        if (_liveStates > 0)
        {
            throw new InvalidOperationException($"{_liveStates} plugin state(s) of {Info.Name} are still alive; dispose them before the library");
        }

        if (LibDl.Close(_handle) != 0)
        {
            throw new PluginHostException($"dlclose of {Info.Path} failed: {LibDl.LastError()}");
        }

        _handle = 0;
        _api = default;
    }

    private void Resolve()
    {
        var symbols = new List<string>();
        fixed (PluginApi* api = &_api)
        {
            var slots = (nint*)api;
            for (int i = 0; i < ApiSymbols.Members.Length; i++)
            {
                slots[i] = LibDl.Symbol(_handle, "plugin_" + ApiSymbols.Members[i]);
                if (slots[i] != 0)
                {
                    symbols.Add(ApiSymbols.Members[i]);
                }
            }
        }

        CheckRequiredApiVersion();
        foreach (string required in ApiSymbols.Required)
        {
            if (!symbols.Contains(required))
            {
                throw new PluginHostException($"required symbol not implemented: '{required}'");
            }
        }

        string name = Str(_api.GetName());
        string version = Str(_api.GetVersion());
        if (!LenientVersion.TryParse(version, out _))
        {
            throw new PluginHostException($"plugin provided an invalid version string: '{version}'");
        }

        PluginCapabilities capabilities = Capabilities();
        var info = new PluginInfo
        {
            Path = Info.Path,
            Name = name,
            Description = Str(_api.GetDescription()),
            Contact = Str(_api.GetContact()),
            Version = version,
            RequiredApiVersion = Str(_api.GetRequiredApiVersion()),
            RequiredEventSchemaVersion = RequiredEventSchemaVersion(null),
            Capabilities = capabilities,
            Symbols = symbols,
        };

        if (capabilities.HasFlag(PluginCapabilities.Sourcing) && _api.GetId is not null && _api.GetEventSource is not null && _api.GetId() != 0)
        {
            info = info with { Id = _api.GetId(), EventSource = Str(_api.GetEventSource()) };
            if (info.EventSource == "syscall")
            {
                throw new PluginHostException("plugin can't implement the reserved event source 'syscall'");
            }
        }

        string? ownSource = info.EventSource.Length > 0 ? info.EventSource : null;
        if (capabilities.HasFlag(PluginCapabilities.Extraction))
        {
            info = info with
            {
                Fields = FieldsJsonReader.Read(name, _api.GetFields() is var fields && fields is null ? null : Str(fields)),
                ExtractEventSources = Sources(name, "get_extract_event_sources", _api.GetExtractEventSources, ownSource),
            };
        }

        if (capabilities.HasFlag(PluginCapabilities.Parsing))
        {
            info = info with { ParseEventSources = Sources(name, "get_parse_event_sources", _api.GetParseEventSources, ownSource) };
        }

        if (capabilities.HasFlag(PluginCapabilities.Async))
        {
            info = info with
            {
                AsyncEventSources = Sources(name, "get_async_event_sources", _api.GetAsyncEventSources, ownSource),
                AsyncEvents = FieldsJsonReader.ReadStringList(name, "get_async_events", Str(_api.GetAsyncEvents()), allowEmpty: false),
            };
        }

        if (_api.GetInitSchema is not null)
        {
            uint schemaType = (uint)SchemaType.None;
            byte* schema = _api.GetInitSchema((SchemaType*)&schemaType);
            info = info with { InitSchema = schemaType == (uint)SchemaType.None || schema is null ? null : Str(schema) };
            if (schemaType > (uint)SchemaType.Json)
            {
                throw new PluginHostException($"error in plugin {name}: get_init_schema returned an unknown schema type {schemaType}");
            }
        }

        Info = info;
    }

    private void CheckRequiredApiVersion()
    {
        if (_api.GetRequiredApiVersion is null)
        {
            throw new PluginHostException("plugin_get_required_api_version symbol not implemented");
        }

        string text = Str(_api.GetRequiredApiVersion());
        if (!LenientVersion.TryParse(text, out LenientVersion required))
        {
            throw new PluginHostException($"plugin provided an invalid required API version: '{text}'");
        }

        LenientVersion framework = Options.FrameworkApiVersion;
        string? failure = framework.Major != required.Major ? "major versions disagree"
            : framework.Minor < required.Minor ? "framework's minor is less than the requested one"
            : framework.Minor == required.Minor && framework.Patch < required.Patch ? "framework's patch is less than the requested one"
            : null;
        if (failure is not null)
        {
            throw new PluginHostException($"plugin required API version '{text}' not compatible with the framework's API version '{framework}': {failure}");
        }
    }

    /// <summary>What get_required_event_schema_version returns for <paramref name="state"/> (which may be NULL); null when the symbol is absent or returns NULL.</summary>
    internal string? RequiredEventSchemaVersion(void* state)
    {
        if (_api.GetRequiredEventSchemaVersion is null)
        {
            return null;
        }

        byte* version = _api.GetRequiredEventSchemaVersion(state);
        return version is null ? null : Str(version);
    }

    private PluginCapabilities Capabilities()
    {
        var caps = PluginCapabilities.None;
        var broken = new List<string>();
        bool open = _api.Open is not null, close = _api.Close is not null, next = _api.NextBatch is not null;
        if (open && close && next)
        {
            bool hasId = _api.GetId is not null && _api.GetId() != 0;
            bool hasSource = _api.GetEventSource is not null && Str(_api.GetEventSource()).Length > 0;
            if (hasId != hasSource)
            {
                broken.Add("must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither (event sourcing)");
            }
            else
            {
                caps |= PluginCapabilities.Sourcing;
            }
        }
        else if (open || close || next)
        {
            broken.Add("must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' (event sourcing)");
        }

        if (_api.GetFields is not null && _api.ExtractFields is not null)
        {
            caps |= PluginCapabilities.Extraction;
        }
        else if (_api.ExtractFields is not null)
        {
            broken.Add("must implement both 'plugin_get_fields' and 'plugin_extract_fields' (field extraction)");
        }

        if (_api.ParseEvent is not null)
        {
            caps |= PluginCapabilities.Parsing;
        }

        if (_api.GetAsyncEvents is not null && _api.SetAsyncEventHandler is not null)
        {
            caps |= PluginCapabilities.Async;
        }
        else if (_api.SetAsyncEventHandler is not null)
        {
            broken.Add("must implement both 'plugin_get_async_events' and 'plugin_set_async_event_handler' (async events)");
        }

        if (_api.CaptureOpen is not null && _api.CaptureClose is not null)
        {
            caps |= PluginCapabilities.CaptureListening;
        }
        else if (_api.CaptureOpen is not null)
        {
            broken.Add("must implement both 'plugin_capture_open' and 'plugin_capture_close' (capture listening)");
        }

        if (broken.Count > 0)
        {
            throw new PluginHostException("broken plugin capabilities: " + string.Join(", ", broken));
        }

        return caps == PluginCapabilities.None ? throw new PluginHostException("plugin does not implement any capability") : caps;
    }

    private static List<string> Sources(string name, string symbol, delegate* unmanaged<byte*> get, string? ownSource)
    {
        List<string> sources = get is null ? [] : FieldsJsonReader.ReadStringList(name, symbol, Str(get()), allowEmpty: true);
        if (ownSource is not null && !sources.Contains(ownSource))
        {
            sources.Add(ownSource);
        }

        return sources;
    }

    internal static string Str(byte* value) =>
        value is null ? string.Empty : Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(value));
}

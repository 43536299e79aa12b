using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Falco.Plugins.Abi;
using Falco.Plugins.Config;
using Falco.Plugins.Testing.Async;
using Falco.Plugins.Testing.Loading;
using Falco.Plugins.Testing.Running;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// An initialized plugin: one <c>ss_plugin_t*</c> state, driven like libsinsp drives it.
/// <see cref="Load"/> is the usual entry point: it loads the library and initializes a state,
/// and disposal destroys the state and then calls <c>dlclose</c>, as libsinsp does. Every
/// plugin belongs to a <see cref="PluginHost"/>, whose state tables it shares with the other
/// plugins of that host; <see cref="Load"/> gives it a host of its own.
/// </summary>
public sealed unsafe partial class Plugin : IDisposable
{
    private const string NoStateError = "plugin handle or 'get_last_error' function not defined";
    private readonly PluginLibrary _library;
    private readonly bool _ownsLibrary;
    private readonly PluginHost _host;
    private readonly bool _ownsHost;
    private readonly HostOwner _owner;
    private readonly TableSession _tables;
    private readonly List<PluginCapture> _captures = new();
    private void* _state;
    private ulong _eventNumber;
    private bool _disposed;
    private IReadOnlyList<ushort>? _extractEventTypes;
    private IReadOnlyList<ushort>? _parseEventTypes;

    internal Plugin(PluginLibrary library, string config, bool ownsLibrary, PluginHost host, bool ownsHost)
    {
        _library = library;
        _ownsLibrary = ownsLibrary;
        _host = host;
        _ownsHost = ownsHost;
        _owner = new HostOwner(library.Info.Name, library.Options.Log) { Plugin = this };
        _asyncReceiver = new AsyncEventReceiver(this);
        uint requiredMinor = LenientVersion.TryParse(library.Info.RequiredApiVersion, out LenientVersion required) ? required.Minor : 0;
        _tables = new TableSession(host.Registry, _owner, library.Info.Name, requiredMinor)
        {
            PluginLastError = () => _state is null ? NoStateError : LastError,
        };
        try
        {
            Initialize(config);
            SetAsyncHandlerAtLoad();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads the plugin at <paramref name="path"/> and initializes it with <paramref name="config"/>,
    /// in a <see cref="PluginHost"/> of its own that disposal of the plugin disposes too.
    /// </summary>
    /// <exception cref="PluginHostException">Loading or init fails; the message says why, as Falco would.</exception>
    public static Plugin Load(string path, string config = "", PluginHostOptions? options = null)
    {
        var host = new PluginHost(options);
        try
        {
            return host.Load(path, config, pluginOwnsHost: true);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The host the plugin belongs to: its state tables (<see cref="PluginHost.Threads"/>) and fellow plugins.</summary>
    public PluginHost Host => _host;

    /// <summary>What the plugin declares.</summary>
    public PluginInfo Info => _library.Info;

    /// <summary>The library the state belongs to.</summary>
    public PluginLibrary Library => _library;

    /// <summary>The messages the plugin sent to the framework's logger.</summary>
    public IReadOnlyList<LogEntry> Logs => _owner.Logs;

    /// <summary>The plugin's last error (<c>plugin_get_last_error</c>).</summary>
    public string LastError => PluginLibrary.Str(Api.GetLastError(State));

    /// <summary>Sets what the framework reports as its own last error (<c>get_owner_last_error</c>).</summary>
    public string? OwnerLastError
    {
        get => _owner.LastError;
        set => _owner.LastError = value;
    }

    /// <summary>The raw state pointer, for tests that call exports themselves.</summary>
    public nint StateHandle => (nint)State;

    private ref readonly PluginApi Api => ref _library.Api;

    private void* State => _state is not null ? _state : throw new ObjectDisposedException(nameof(Plugin));

    /// <summary>Opens a capture of the plugin's event source.</summary>
    /// <exception cref="PluginHostException">The plugin has no source capability or open fails.</exception>
    public PluginCapture Open(string parameters = "")
    {
        RequireCapability(PluginCapabilities.Sourcing);
        int rc = (int)PluginRc.Failure;
        byte[] utf8 = Utf8(parameters);
        void* instance;
        fixed (byte* p = utf8)
        {
            instance = Api.Open(State, p, (PluginRc*)&rc);
        }

        if (rc != (int)PluginRc.Success)
        {
            throw new PluginHostException($"could not open capture of plugin {Info.Name}: {LastError}");
        }

        var capture = new PluginCapture(this, instance);
        _captures.Add(capture);
        _host.Captures.Opened(this);
        return capture;
    }

    /// <summary>Extracts one field (<c>name</c> or <c>name[arg]</c>) from <paramref name="evt"/>, as libsinsp does: one field per call.</summary>
    /// <exception cref="PluginHostException">The field is unknown or extract_fields fails (Falco would treat the field as absent).</exception>
    public ExtractedField Extract(CapturedEvent evt, string field) => Extract(evt, [field], offsets: false)[0];

    /// <summary>Extracts several fields from <paramref name="evt"/> in one extract_fields call.</summary>
    public IReadOnlyList<ExtractedField> Extract(CapturedEvent evt, params string[] fields) => Extract(evt, fields, offsets: false);

    /// <summary>Extracts fields and asks for value offsets (API 3.11).</summary>
    public IReadOnlyList<ExtractedField> ExtractWithOffsets(CapturedEvent evt, params string[] fields) => Extract(evt, fields, offsets: true);

    /// <summary>Calls extract_fields and returns its result code, for tests of failure paths.</summary>
    public int TryExtract(CapturedEvent evt, string[] fields, out IReadOnlyList<ExtractedField> results)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(fields);
        RequireCapability(PluginCapabilities.Extraction);
        var requests = new FieldRequest[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            requests[i] = FieldRequest.Parse(fields[i], Info.Fields);
        }

        return Extract(evt, requests, offsets: false, out results);
    }

    /// <summary>
    /// Calls extract_fields with <paramref name="requests"/> as given, unchecked against the
    /// plugin's fields (an unknown field id, an argument the field does not take, a missing key),
    /// and returns its result code, for robustness tests.
    /// </summary>
    public int TryExtract(CapturedEvent evt, FieldRequest[] requests, out IReadOnlyList<ExtractedField> results)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(requests);
        RequireCapability(PluginCapabilities.Extraction);
        return Extract(evt, requests, offsets: false, out results);
    }

    /// <summary>The event types extract_fields accepts (<c>get_extract_event_types</c>, read after init), or null when the plugin does not say.</summary>
    public IReadOnlyList<ushort>? ExtractEventTypes() => _extractEventTypes;

    /// <summary>The event types parse_event accepts (<c>get_parse_event_types</c>, read after init), or null when the plugin does not say.</summary>
    public IReadOnlyList<ushort>? ParseEventTypes() => _parseEventTypes;

    /// <summary>
    /// Calls parse_event on <paramref name="evt"/> with the table reader and writer, as libsinsp
    /// does before extraction. Entry and nested-table handles the plugin obtained die when it
    /// returns. Unlike <see cref="PluginHost.Parse"/>, this does not check the plugin's parse
    /// event types and sources.
    /// </summary>
    /// <exception cref="PluginHostException">The plugin cannot parse or parse_event fails (the message has its last error).</exception>
    public void Parse(CapturedEvent evt)
    {
        if (TryParse(evt) != (int)PluginRc.Success)
        {
            throw new PluginHostException($"plugin {Info.Name} failed to parse event {evt.Number}: {LastError}");
        }
    }

    /// <summary>Calls parse_event and returns its result code, for tests of failure paths.</summary>
    public int TryParse(CapturedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        RequireCapability(PluginCapabilities.Parsing);
        byte[] source = Utf8(evt.Source);
        fixed (byte* pinned = evt.RawBytes)
        fixed (byte* src = source)
        {
            var eventInput = new EventInput { Evt = EventMemory(evt, pinned), EvtNum = evt.Number, EvtSrc = src };
            var input = new EventParseInput
            {
                Owner = _owner.Pointer,
                GetOwnerLastError = HostOwner.GetOwnerLastErrorFunction,
                TableReader = DispatchFunctions.Reader,
                TableWriter = DispatchFunctions.Writer,
                TableReaderExt = DispatchFunctions.ReaderExt,
                TableWriterExt = DispatchFunctions.WriterExt,
            };
            try
            {
                return (int)Api.ParseEvent(State, &eventInput, &input);
            }
            finally
            {
                _tables.EndCallback();
            }
        }
    }

    /// <summary>The plugin's rendering of an event (<c>evt.plugininfo</c>), or null when it gives none.</summary>
    public string? EventToString(CapturedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (Api.EventToString is null)
        {
            return null;
        }

        byte[] source = Utf8(evt.Source);
        fixed (byte* pinned = evt.RawBytes)
        fixed (byte* src = source)
        {
            var input = new EventInput { Evt = EventMemory(evt, pinned), EvtNum = evt.Number, EvtSrc = src };
            byte* text = Api.EventToString(State, &input);
            return text is null ? null : PluginLibrary.Str(text);
        }
    }

    /// <summary>The suggested open parameters (<c>plugin_list_open_params</c>).</summary>
    public IReadOnlyList<(string Value, string Description, string Separator)> ListOpenParams()
    {
        if (Api.ListOpenParams is null)
        {
            return [];
        }

        int rc = (int)PluginRc.Failure;
        string json = PluginLibrary.Str(Api.ListOpenParams(State, (PluginRc*)&rc));
        if (rc != (int)PluginRc.Success)
        {
            throw new PluginHostException($"error in plugin {Info.Name}: list_open_params has error {LastError}");
        }

        var result = new List<(string, string, string)>();
        if (json.Length == 0)
        {
            return result;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new PluginHostException($"error in plugin {Info.Name}: list_open_params returned a non-array JSON");
        }

        foreach (JsonElement entry in document.RootElement.EnumerateArray())
        {
            string value = Property(entry, "value");
            if (value.Length == 0)
            {
                throw new PluginHostException($"error in plugin {Info.Name}: list_open_params has entry with no value");
            }

            result.Add((value, Property(entry, "desc"), Property(entry, "separator")));
        }

        return result;
    }

    /// <summary>
    /// Destroys the state, as libsinsp closes an inspector and then destroys its plugins: open
    /// captures are closed, capture_close is called if the capture is open for listening, the
    /// async handler is reset, and routines still running are stopped. Then the plugin's table
    /// handles and the tables it added are dropped and, for <see cref="Load"/>ed plugins, the
    /// library is unloaded and the plugin's own host disposed.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (PluginCapture capture in _captures.ToArray())
        {
            capture.Dispose();
        }

        if (_state is not null)
        {
            CloseListeningQuietly();
            ResetAsyncHandlerQuietly();
        }

        // Before destroy: no routine may run on a destroyed state.
        _host.Routines.Close(this);
        if (_state is not null)
        {
            Api.Destroy(_state);
            _state = null;
            _library.StateDestroyed();
        }

        // After destroy, as libsinsp drops a plugin's table state with the plugin: its tables
        // leave the registry before the library that implements them is unloaded.
        _tables.Dispose();
        _owner.Plugin = null;
        _owner.Dispose();
        if (_ownsLibrary)
        {
            _library.Dispose();
        }

        _host.PluginDisposed(this);
        if (_ownsHost)
        {
            _host.Dispose();
        }
    }

    /// <summary>Whether libsinsp's parser would pass <paramref name="evt"/> to this plugin: its parse event types and sources accept it.</summary>
    internal bool ParsesEvent(CapturedEvent evt)
    {
        IReadOnlyList<string> sources = Info.ParseEventSources;
        if (!Info.Capabilities.HasFlag(PluginCapabilities.Parsing) || (sources.Count > 0 && !Contains(sources, evt.Source)))
        {
            return false;
        }

        if (_parseEventTypes is { Count: > 0 } types)
        {
            return Contains(types, evt.Type);
        }

        // No types: every event if the plugin takes syscall events, only plugin events otherwise.
        return sources.Count == 0 || Contains(sources, "syscall") || evt.Type == AbiConstants.PluginEventCode;
    }

    internal ulong NextEventNumber() => ++_eventNumber;

    internal void CaptureClosed(PluginCapture capture)
    {
        _captures.Remove(capture);
        _host.Captures.Closed(this);
    }

    internal void* StatePointer => State;

    internal ref readonly PluginApi ApiTable => ref Api;

    private void Initialize(string config)
    {
        config = ValidateConfig(config ?? string.Empty);
        byte[] utf8 = Utf8(config);
        int rc = (int)PluginRc.Failure;
        // libsinsp gives the table API only to plugins that parse or extract.
        bool usesTables = (Info.Capabilities & (PluginCapabilities.Parsing | PluginCapabilities.Extraction)) != 0;
        fixed (byte* configPointer = utf8)
        {
            var input = new InitInput
            {
                Config = configPointer,
                Owner = _owner.Pointer,
                GetOwnerLastError = HostOwner.GetOwnerLastErrorFunction,
                Tables = usesTables ? RegistryFunctions.InitTablesInput : null,
                LogFn = _host.Options.OfferLogger ? HostOwner.LogFunction : null,
            };
            try
            {
                _state = Api.Init(&input, (PluginRc*)&rc);
            }
            finally
            {
                _tables.EndCallback();
            }
        }

        if (_state is not null)
        {
            _library.StateCreated();
        }

        if (rc != (int)PluginRc.Success)
        {
            string error = _state is null ? NoStateError : LastError;
            throw new PluginHostException("could not initialize plugin: " + error);
        }

        if (_state is null)
        {
            throw new PluginHostException($"could not initialize plugin: {Info.Name} returned SUCCESS with a NULL state");
        }

        // libsinsp reads the event types once, right after a successful init, then checks the event schema.
        _extractEventTypes = EventTypes(Api.GetExtractEventTypes);
        _parseEventTypes = EventTypes(Api.GetParseEventTypes);
        CheckEventSchema();
    }

    private void CheckEventSchema()
    {
        if (!EventSchemaCheck.ReadsSyscallEvents(Info, _parseEventTypes, _extractEventTypes))
        {
            return;
        }

        string? required = _library.RequiredEventSchemaVersion(State);
        if (required is not null || _library.Options.CheckUndeclaredEventSchema)
        {
            EventSchemaCheck.Verify(Info.Name, required, _library.Options.FrameworkEventSchemaVersion);
        }
    }

    private ushort[]? EventTypes(delegate* unmanaged<uint*, void*, ushort*> getTypes)
    {
        if (getTypes is null)
        {
            return null;
        }

        uint count = 0;
        ushort* types = getTypes(&count, State);
        return types is null ? [] : new ReadOnlySpan<ushort>(types, checked((int)count)).ToArray();
    }

    private static bool Contains<T>(IReadOnlyList<T> items, T value)
    {
        foreach (T item in items)
        {
            if (EqualityComparer<T>.Default.Equals(item, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>libsinsp's validate_config: with a JSON schema, an empty config becomes <c>{}</c> and the config must conform.</summary>
    private string ValidateConfig(string config)
    {
        string? schemaText = Info.InitSchema;
        if (string.IsNullOrEmpty(schemaText) || !_library.Options.ValidateConfig)
        {
            return config;
        }

        string name = Info.Name;
        JsonDocument schema;
        try
        {
            schema = JsonDocument.Parse(schemaText);
        }
        catch (JsonException)
        {
            throw new PluginHostException($"error in plugin {name}: get_init_schema did not return a json object");
        }

        using (schema)
        {
            if (schema.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PluginHostException($"error in plugin {name}: get_init_schema did not return a json object");
            }

            if (config.Length == 0)
            {
                config = "{}";
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(config);
            }
            catch (JsonException)
            {
                throw new PluginHostException($"error in plugin {name}: init config is not a valid json");
            }

            using (document)
            {
                if (JsonSchemaValidator.Validate(document.RootElement, schema.RootElement) is { } violation)
                {
                    throw new PluginHostException($"error in plugin {name} init config: {violation.Describe("config")}");
                }
            }
        }

        return config;
    }

    private IReadOnlyList<ExtractedField> Extract(CapturedEvent evt, string[] fields, bool offsets)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(fields);
        RequireCapability(PluginCapabilities.Extraction);
        var requests = new FieldRequest[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            requests[i] = FieldRequest.Parse(fields[i], Info.Fields);
        }

        int rc = Extract(evt, requests, offsets, out IReadOnlyList<ExtractedField> results);
        return rc == (int)PluginRc.Success
            ? results
            : throw new PluginHostException($"plugin {Info.Name} failed to extract {string.Join(", ", fields)} from event {evt.Number}: {LastError}");
    }

    private int Extract(CapturedEvent evt, FieldRequest[] requests, bool offsets, out IReadOnlyList<ExtractedField> results)
    {
        var fields = new ExtractField[requests.Length];
        var names = new byte[requests.Length][];
        var keys = new byte[requests.Length][];
        var handles = new List<GCHandle>();
        try
        {
            for (int i = 0; i < requests.Length; i++)
            {
                names[i] = Utf8(requests[i].Field.Name);
                keys[i] = requests[i].ArgKey is { } key ? Utf8(key) : [];
                handles.Add(GCHandle.Alloc(names[i], GCHandleType.Pinned));
                handles.Add(GCHandle.Alloc(keys[i], GCHandleType.Pinned));
                fields[i] = new ExtractField
                {
                    FieldId = (uint)requests[i].Field.Id,
                    Field = (byte*)handles[^2].AddrOfPinnedObject(),
                    ArgKey = requests[i].ArgKey is null ? null : (byte*)handles[^1].AddrOfPinnedObject(),
                    ArgIndex = requests[i].ArgIndex,
                    ArgPresent = requests[i].ArgPresent ? 1u : 0u,
                    FType = (uint)requests[i].Field.Type,
                    FList = requests[i].Field.IsList ? 1u : 0u,
                };
            }

            byte[] source = Utf8(evt.Source);
            var valueOffsets = default(ExtractValueOffsets);
            fixed (byte* pinned = evt.RawBytes)
            fixed (byte* src = source)
            fixed (ExtractField* fieldArray = fields)
            {
                var eventInput = new EventInput { Evt = EventMemory(evt, pinned), EvtNum = evt.Number, EvtSrc = src };
                var input = new FieldExtractInput
                {
                    Owner = _owner.Pointer,
                    GetOwnerLastError = HostOwner.GetOwnerLastErrorFunction,
                    NumFields = (uint)fields.Length,
                    Fields = fieldArray,
                    TableReader = DispatchFunctions.Reader,
                    TableReaderExt = DispatchFunctions.ReaderExt,
                    ValueOffsets = offsets ? &valueOffsets : null,
                };
                int rc;
                try
                {
                    rc = (int)Api.ExtractFields(State, &eventInput, &input);
                }
                finally
                {
                    _tables.EndCallback();
                }

                if (rc != (int)PluginRc.Success)
                {
                    results = [];
                    return rc;
                }

                var list = new ExtractedField[requests.Length];
                for (int i = 0; i < requests.Length; i++)
                {
                    (uint, uint)? offset = offsets && valueOffsets.Start is not null
                        ? (valueOffsets.Start[i], valueOffsets.Length[i])
                        : null;
                    list[i] = new ExtractedField(requests[i], ReadValues(ref fieldArray[i]), offset);
                }

                results = list;
                return rc;
            }
        }
        finally
        {
            foreach (GCHandle handle in handles)
            {
                handle.Free();
            }
        }
    }

    private static List<object> ReadValues(ref ExtractField field)
    {
        var values = new List<object>();
        if (field.ResLen > 0 && field.Res is null)
        {
            throw new PluginHostException($"the plugin reported {field.ResLen} values for field #{field.FieldId} without a result array");
        }

        for (ulong i = 0; i < field.ResLen; i++)
        {
            values.Add((FieldType)field.FType switch
            {
                FieldType.UInt64 or FieldType.RelTime or FieldType.AbsTime => ((ulong*)field.Res)[i],
                FieldType.String => PluginLibrary.Str(((byte**)field.Res)[i]),
                FieldType.Bool => ((uint*)field.Res)[i] != 0,
                FieldType.IPAddress or FieldType.IPNetwork => Address(((ByteBuffer*)field.Res)[i]),
                _ => throw new PluginHostException($"plugin extract error: unsupported field type {field.FType}"),
            });
        }

        return values;
    }

    private static IPAddress Address(ByteBuffer buffer) =>
        buffer.Len is 4 or 16 && buffer.Ptr is not null
            ? new IPAddress(new ReadOnlySpan<byte>(buffer.Ptr, (int)buffer.Len))
            : throw new PluginHostException($"the plugin returned an IP address of {buffer.Len} bytes");

    /// <summary>The event memory the plugin is handed: the pinned copy, or a copy that ends at a guard page.</summary>
    private EventHeader* EventMemory(CapturedEvent evt, byte* pinned) =>
        _library.Options.GuardEventMemory ? (EventHeader*)GuardedEventMemory.Place(evt.RawBytes) : (EventHeader*)pinned;

    private void RequireCapability(PluginCapabilities capability)
    {
        if (!Info.Capabilities.HasFlag(capability))
        {
            throw new PluginHostException($"plugin {Info.Name} does not have the {capability} capability");
        }
    }

    private static string Property(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value + "\0");
}

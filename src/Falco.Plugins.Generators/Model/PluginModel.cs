namespace Falco.Plugins.Generators.Model;

/// <summary>Everything the emitter needs about one [FalcoPlugin] class, compared by value.</summary>
internal sealed record PluginModel(
    string Namespace,
    string ClassName,
    string TypeKeyword,
    string FullName,
    PluginMetadata Metadata,
    ConstructorModel Constructor,
    ConfigModel? Config,
    SourceModel? Source,
    ExtractModel? Extract,
    ParseModel? Parse,
    OptionalFeatures Features,
    ApiVersion RequiredApiVersion,
    EquatableArray<DiagnosticInfo> Diagnostics,
    LocationInfo? Location)
{
    public bool IsValid => Diagnostics.Items.IsEmpty || !HasErrors(Diagnostics);

    /// <summary>Whether a parse handler or a field reads typed syscall events, whose layout the event schema version pins.</summary>
    public bool ReadsTypedEvents => Parse?.Handlers.Count > 0 || (Extract is { } extract && HasTypedField(extract));

    /// <summary>
    /// Whether parsing or extraction receives events other than plugin events (code 322): then
    /// libsinsp (API 3.12) checks the event schema version the plugin requires, taking a plugin
    /// that reports none to require 3.0.0, which no 4.x framework accepts.
    /// </summary>
    public bool ReadsDriverEvents => ReadsTypedEvents || Parse?.Events.AnyEvent == true || Extract?.Events.AnyEvent == true;

    private static bool HasTypedField(ExtractModel extract)
    {
        foreach (FieldModel field in extract.Fields)
        {
            if (field.IsTyped)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasErrors(EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            if (diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The strings of the base API, and the event schema version the author set (empty: the SDK's default).</summary>
internal sealed record PluginMetadata(string Name, string Version, string Description, string Contact, string EventSchemaVersion = "");

/// <summary>How to call the plugin constructor: one entry per parameter, in order.</summary>
internal sealed record ConstructorModel(EquatableArray<ConstructorArgument> Parameters);

/// <summary>One constructor parameter, as an equatable value; the type argument of <c>ILogger&lt;T&gt;</c> when it is one.</summary>
internal readonly record struct ConstructorArgument(ConstructorParameter Kind, string? TypeArgument = null);

/// <summary>What a constructor parameter receives.</summary>
internal enum ConstructorParameter
{
    Config,
    Context,
    Logger,
    Tables,
    MicrosoftLogger,
    MicrosoftLoggerOfT,
    MicrosoftLoggerFactory,
    Metrics,
}

/// <summary>The capabilities and features beyond sourcing, extraction and parsing.</summary>
internal sealed record OptionalFeatures(
    AsyncModel? Async,
    bool DumpsState,
    bool ListensToCapture,
    bool Reconfigurable,
    bool ReportsMetrics);

/// <summary>The async events a plugin declares, for the async capability and dump_state.</summary>
internal sealed record AsyncModel(EquatableArray<StringValue> Names, EquatableArray<StringValue> Sources, bool Produces);

/// <summary>The typed init config: how to bind it and its schema.</summary>
internal sealed record ConfigModel(string TypeName, string TypeInfoExpression, string Schema);

/// <summary>The event sourcing capability.</summary>
internal sealed record SourceModel(
    string InstanceTypeName,
    uint SourceId,
    string EventSource,
    bool ListsOpenParams,
    bool ReportsProgress,
    bool FormatsEvents);

/// <summary>The field extraction capability.</summary>
internal sealed record ExtractModel(EquatableArray<FieldModel> Fields, EventFilter Events);

/// <summary>
/// The event parsing capability: the events it asks for, the typed handlers (dispatched by event
/// code) and what IEventParser.ParseEvent receives of the rest.
/// </summary>
internal sealed record ParseModel(EventFilter Events, EquatableArray<ParseHandlerModel> Handlers, ParserFallback Fallback);

/// <summary>Which events that no typed handler takes reach IEventParser.ParseEvent.</summary>
internal enum ParserFallback
{
    /// <summary>The class does not implement IEventParser: such events are ignored.</summary>
    None,

    /// <summary>Plugin events only (the default of a parser whose sources exclude <c>syscall</c>).</summary>
    PluginEvents,

    /// <summary>Every event the framework passes (the parser named event types, or its sources include <c>syscall</c>).</summary>
    DeclaredEvents,
}

/// <summary>
/// Which events a capability sees: the sources it names, the event codes it reports (none:
/// every code of its sources), and whether that includes events other than plugin events.
/// </summary>
internal sealed record EventFilter(EquatableArray<StringValue> Sources, EquatableArray<EventCode> Types, bool AnyEvent);

/// <summary>An event code, as an equatable value.</summary>
internal readonly record struct EventCode(ushort Value);

/// <summary>
/// One field and how its extractors are called: one method, or several that each take a
/// different typed event (the field is absent on other events).
/// </summary>
internal sealed record FieldModel(
    string Name,
    string Description,
    string? Display,
    FieldArgKind Arg,
    string TypeName,
    bool IsList,
    bool AddOutput,
    int Properties,
    bool ReportsOffsets,
    string Setter,
    string? ValueCast,
    EquatableArray<FieldMethod> Methods)
{
    /// <summary>Whether the field's methods take typed events (then all of them do).</summary>
    public bool IsTyped => Methods.Count > 0 && Methods[0].Event is not null;
}

/// <summary>One extractor method of a field.</summary>
internal sealed record FieldMethod(
    string MethodName,
    bool IsStatic,
    string ArgumentAccessor,
    bool UsesOutValue,
    TypedEventModel? Event);

/// <summary>The argument kinds of FieldArg, by value.</summary>
internal enum FieldArgKind
{
    None = 0,
    RequiredIndex,
    OptionalIndex,
    RequiredKey,
    OptionalKey,
}

/// <summary>A plugin API version.</summary>
internal readonly record struct ApiVersion(int Major, int Minor, int Patch) : System.IComparable<ApiVersion>
{
    public int CompareTo(ApiVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static ApiVersion Max(ApiVersion a, ApiVersion b) => a.CompareTo(b) >= 0 ? a : b;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}

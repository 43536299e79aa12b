using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators;

/// <summary>
/// Every diagnostic the generator reports. The ids are stable: docs/diagnostics.md and
/// suppressions refer to them, so a retired id is never reused.
/// </summary>
internal static class Diagnostics
{
    private const string Category = "Falco.Plugins";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "FALCO0001",
        "Plugin class must be partial",
        "The plugin class '{0}' must be declared partial, so that the SDK can add the plugin API exports to it");

    public static readonly DiagnosticDescriptor DuplicateField = Error(
        "FALCO0002",
        "Duplicate field name",
        "The field name '{0}' is declared more than once; field names must be unique within a plugin");

    public static readonly DiagnosticDescriptor InvalidFieldName = Error(
        "FALCO0003",
        "Field name not usable in Falco rules",
        "The field name '{0}' cannot be used in Falco rules: use letters, digits, '_' and '.', starting with a letter, without empty parts between dots");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "FALCO0004",
        "Unsupported field type",
        "The extractor '{0}' has the value type '{1}', which no Falco field type maps to{2}");

    public static readonly DiagnosticDescriptor ArgumentMismatch = Error(
        "FALCO0005",
        "Field argument does not match the method parameters",
        "The field '{0}' declares Arg = FieldArg.{1}, so its method takes {2} after 'ref ExtractContext'{3}");

    public static readonly DiagnosticDescriptor InvalidVersion = Error(
        "FALCO0006",
        "Plugin version is not semantic",
        "The plugin version '{0}' is not a semantic version (major.minor.patch, e.g. 0.1.0)");

    public static readonly DiagnosticDescriptor IncompleteSource = Error(
        "FALCO0007",
        "Event source needs an id and a name",
        "The event source of '{0}' needs both a non-zero SourceId and a non-empty EventSource (got id {1} and name '{2}')");

    public static readonly DiagnosticDescriptor ReservedSource = Error(
        "FALCO0008",
        "Event source name is reserved",
        "The event source name 'syscall' is reserved for the kernel events of Falco; choose another name");

    public static readonly DiagnosticDescriptor NotAPlugin = Error(
        "FALCO0009",
        "Plugin class must implement IPlugin",
        "The class '{0}' is marked [FalcoPlugin] but implements neither IPlugin nor IPlugin<TConfig>");

    public static readonly DiagnosticDescriptor NoConstructor = Error(
        "FALCO0010",
        "No usable plugin constructor",
        "The plugin class '{0}' needs a public or internal constructor whose parameters are among: {1}");

    public static readonly DiagnosticDescriptor NoConfigContext = Error(
        "FALCO0011",
        "Config type has no JsonSerializerContext",
        "The config type '{0}' must be serializable with source generation: add [JsonSerializable(typeof({0}))] to a partial class deriving from JsonSerializerContext in this assembly");

    public static readonly DiagnosticDescriptor InvalidExtractor = Error(
        "FALCO0012",
        "Extractor method has the wrong shape",
        "The extractor '{0}' must be a non-generic method taking 'ref ExtractContext' first, then optionally a typed syscall event, then the field argument if any, and optionally ending with an 'out' value when it returns bool: {1}");

    public static readonly DiagnosticDescriptor MultiplePlugins = Error(
        "FALCO0013",
        "More than one plugin in the assembly",
        "The assembly already has the plugin class '{0}'; a plugin library exports one set of plugin_* symbols, so put each plugin in its own project");

    public static readonly DiagnosticDescriptor InvalidPluginName = Error(
        "FALCO0014",
        "Invalid plugin name",
        "The plugin name '{0}' must be non-empty and use only letters, digits, '_', '-' and '.'");

    public static readonly DiagnosticDescriptor MissingDescription = Error(
        "FALCO0015",
        "Field description missing",
        "The field '{0}' needs a description: Falco requires one for every field");

    public static readonly DiagnosticDescriptor NotConstant = Error(
        "FALCO0016",
        "Source metadata must be constant",
        "'{0}' must return a compile-time constant (e.g. '=> 999;'), because the framework reads it before the plugin is initialized");

    public static readonly DiagnosticDescriptor NoFields = Error(
        "FALCO0017",
        "Field extraction without fields",
        "{0}");

    public static readonly DiagnosticDescriptor RequiredVersionTooLow = Error(
        "FALCO0018",
        "Required API version lower than the features need",
        "RequiredApiVersion '{0}' must be a 3.x.y version of at least {1}, which the plugin's features need ({2}); remove it or raise it");

    public static readonly DiagnosticDescriptor NoCapability = Error(
        "FALCO0019",
        "Plugin has no capability",
        "The plugin '{0}' implements no capability (IEventSource<T>, IFieldExtractor, ...); Falco rejects such plugins");

    public static readonly DiagnosticDescriptor UnsupportedClassShape = Error(
        "FALCO0020",
        "Unsupported plugin class",
        "The plugin class '{0}' must be a non-generic class declared directly in a namespace");

    public static readonly DiagnosticDescriptor ConfigTypeNotSupported = Warning(
        "FALCO0021",
        "Config member not described by the init schema",
        "The config member '{0}' has the type '{1}', which the init schema describes as any JSON value");

    public static readonly DiagnosticDescriptor InitOnlyDefault = Warning(
        "FALCO0022",
        "Config default lost on init-only property",
        "The config property '{0}' is init-only with an initializer: System.Text.Json's source generator sets it to its type's default when the key is missing, not to the initializer; declare it with 'set'");

    public static readonly DiagnosticDescriptor TablesWithoutParseOrExtract = Error(
        "FALCO0023",
        "Table access without parsing or extraction",
        "The plugin '{0}' takes a TableRegistry but neither parses events (IEventParser) nor extracts fields (IFieldExtractor); the framework gives tables only to such plugins");

    public static readonly DiagnosticDescriptor NoAsyncEventNames = Error(
        "FALCO0024",
        "Async events without names",
        "The plugin '{0}' emits async events (IAsyncEventProvider or IStateDumper) but declares no names: add [AsyncEvents(\"name\", ...)]");

    public static readonly DiagnosticDescriptor InvalidParseHandler = Error(
        "FALCO0025",
        "Parse handler has the wrong shape",
        "The parse handler '{0}' must be a non-generic method returning void and taking 'ref ParseContext' and then a typed syscall event (a ref struct of Falco.Plugins.Syscalls with a 'Code' constant), by value: {1}");

    public static readonly DiagnosticDescriptor DuplicateEventMethod = Error(
        "FALCO0026",
        "Two methods for one event type",
        "'{0}' and '{1}' both take the event '{2}' (code {3}) {4}; each event type has one method");

    public static readonly DiagnosticDescriptor TypedEventOutsideSources = Error(
        "FALCO0027",
        "Typed syscall event outside the event sources",
        "'{0}' takes the syscall event '{1}', but the {2} event sources of the plugin ({3}) exclude 'syscall', so the framework never passes it one; add \"syscall\" to [{4}]");

    public static readonly DiagnosticDescriptor FieldMethodsDisagree = Error(
        "FALCO0028",
        "Methods of one field disagree",
        "The methods of the field '{0}' disagree: {1}; the methods of a field share the [Field] settings, the value type and the argument, and each takes a different typed event");

    public static readonly DiagnosticDescriptor InvalidEventSchemaVersion = Error(
        "FALCO0029",
        "Event schema version is not valid",
        "RequiredEventSchemaVersion '{0}' is not a version of the form major.minor.patch");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}

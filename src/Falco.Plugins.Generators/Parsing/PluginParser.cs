using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>Reads a [FalcoPlugin] class: metadata, capabilities, constructor, config shape and fields.</summary>
internal static class PluginParser
{
    public const string PluginAttributeName = "Falco.Plugins.FalcoPluginAttribute";
    private const string PluginInterface = "Falco.Plugins.IPlugin";
    private const string ConfigPluginInterface = "Falco.Plugins.IPlugin<TConfig>";
    private const string SourceInterface = "Falco.Plugins.IEventSource<TInstance>";
    private const string ExtractorInterface = "Falco.Plugins.IFieldExtractor";
    private const string ContextType = "Falco.Plugins.PluginContext";
    private const string LoggerType = "Falco.Plugins.PluginLogger";
    private const string TablesType = "Falco.Plugins.Tables.TableRegistry";
    private const string MetricsType = "Falco.Plugins.PluginMetrics";
    private const string MicrosoftLoggerType = "Microsoft.Extensions.Logging.ILogger";
    private const string MicrosoftLoggerOfTType = "Microsoft.Extensions.Logging.ILogger<TCategoryName>";
    private const string MicrosoftLoggerFactoryType = "Microsoft.Extensions.Logging.ILoggerFactory";

    public static PluginCandidate? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        Location? location = declaration.Identifier.GetLocation();
        Compilation compilation = context.SemanticModel.Compilation;

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotPartial, location, type.Name));
        }

        if (type.IsGenericType || type.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedClassShape, location, type.Name));
        }

        AttributeData attribute = context.Attributes[0];
        PluginMetadata metadata = ReadMetadata(attribute, location, diagnostics, out string requiredOverride);

        var interfaces = type.AllInterfaces;
        bool isPlugin = interfaces.Any(i => i.ToDisplayString() == PluginInterface);
        INamedTypeSymbol? configInterface = interfaces.FirstOrDefault(i => i.OriginalDefinition.ToDisplayString() == ConfigPluginInterface);
        if (!isPlugin)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotAPlugin, location, type.Name));
        }

        ITypeSymbol? configType = configInterface?.TypeArguments[0];
        ConstructorModel constructor = ReadConstructor(type, configType, location, diagnostics);
        bool usesTables = constructor.Parameters.Any(p => p.Kind == ConstructorParameter.Tables);
        bool logs = constructor.Parameters.Any(p => p.Kind is ConstructorParameter.Logger or ConstructorParameter.MicrosoftLogger
            or ConstructorParameter.MicrosoftLoggerOfT or ConstructorParameter.MicrosoftLoggerFactory);

        cancellationToken.ThrowIfCancellationRequested();
        SourceModel? source = ReadSource(type, compilation, location, diagnostics);
        ExtractModel? extract = ReadExtract(type, source?.EventSource, location, diagnostics);
        ParseModel? parse = ReadParse(type, source?.EventSource, diagnostics);
        if (usesTables && extract is null && parse is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TablesWithoutParseOrExtract, location, type.Name));
        }

        OptionalFeatures features = ReadFeatures(type, configType, constructor, location, diagnostics);
        if (source is null && extract is null && parse is null && features.Async?.Produces != true && !features.ListensToCapture)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoCapability, location, metadata.Name));
        }

        bool reportsOffsets = extract?.Fields.Any(f => f.ReportsOffsets) == true;
        bool typedEvents = parse?.Handlers.Count > 0 || extract?.Fields.Any(f => f.IsTyped) == true;
        (ApiVersion required, string reasons) = ApiVersionRules.Compute(new ApiFeatures(
            usesTables, logs, features.Reconfigurable, features.ReportsMetrics, features.ListensToCapture, features.DumpsState, reportsOffsets, typedEvents));
        if (requiredOverride.Length > 0)
        {
            if (!ApiVersionRules.TryParse(requiredOverride, out ApiVersion requested) || requested.Major != 3 || requested.CompareTo(required) < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.RequiredVersionTooLow, location, requiredOverride, required.ToString(), reasons));
            }
            else
            {
                required = requested;
            }
        }

        ConfigNode? shape = configType is null ? null : new ConfigShapeReader(compilation, diagnostics).Read(configType);
        string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        var model = new PluginModel(
            ns,
            type.Name,
            declaration is RecordDeclarationSyntax ? "record" : "class",
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            metadata,
            constructor,
            null,
            source,
            extract,
            parse,
            features,
            required,
            diagnostics.ToEquatableArray(),
            LocationInfo.From(location));
        return new PluginCandidate(model, configType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), shape);
    }

    private static PluginMetadata ReadMetadata(AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics, out string requiredOverride)
    {
        string name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        string version = "", description = "", contact = "", eventSchema = "";
        requiredOverride = "";
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            string value = argument.Value.Value as string ?? "";
            switch (argument.Key)
            {
                case "Version": version = value; break;
                case "Description": description = value; break;
                case "Contact": contact = value; break;
                case "RequiredApiVersion": requiredOverride = value; break;
                case "RequiredEventSchemaVersion": eventSchema = value; break;
            }
        }

        if (eventSchema.Length > 0 && !ApiVersionRules.TryParse(eventSchema, out _))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidEventSchemaVersion, location, eventSchema));
            eventSchema = "";
        }

        if (!Naming.IsValidPluginName(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPluginName, location, name));
        }

        if (!Naming.IsSemanticVersion(version))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidVersion, location, version));
        }

        return new PluginMetadata(name, version, description, contact, eventSchema);
    }

    private static ConstructorModel ReadConstructor(INamedTypeSymbol type, ITypeSymbol? configType, Location? location, List<DiagnosticInfo> diagnostics)
    {
        IMethodSymbol? best = null;
        List<ConstructorArgument>? bestParameters = null;
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                continue;
            }

            var parameters = new List<ConstructorArgument>();
            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                ConstructorArgument? argument = ConstructorArgumentFor(parameter.Type, configType);
                if (argument is null)
                {
                    parameters = null;
                    break;
                }

                parameters.Add(argument.Value);
            }

            if (parameters is not null && (bestParameters is null || parameters.Count > bestParameters.Count))
            {
                best = constructor;
                bestParameters = parameters;
            }
        }

        if (best is null || bestParameters is null)
        {
            const string Services = "PluginContext, PluginLogger, ILogger, ILogger<T>, ILoggerFactory, PluginMetrics, TableRegistry";
            string allowed = configType is null ? Services : $"{configType.Name}, {Services}";
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoConstructor, location, type.Name, allowed));
            return new ConstructorModel(EquatableArray<ConstructorArgument>.Empty);
        }

        return new ConstructorModel(bestParameters.ToEquatableArray());
    }

    /// <summary>What the SDK passes for a constructor parameter of <paramref name="parameterType"/>, or null when it cannot.</summary>
    private static ConstructorArgument? ConstructorArgumentFor(ITypeSymbol parameterType, ITypeSymbol? configType)
    {
        if (configType is not null && SymbolEqualityComparer.Default.Equals(parameterType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), configType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
        {
            return new ConstructorArgument(ConstructorParameter.Config);
        }

        if (parameterType is INamedTypeSymbol { IsGenericType: true } generic && generic.OriginalDefinition.ToDisplayString() == MicrosoftLoggerOfTType)
        {
            return new ConstructorArgument(ConstructorParameter.MicrosoftLoggerOfT, generic.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        }

        return parameterType.ToDisplayString() switch
        {
            ContextType => new ConstructorArgument(ConstructorParameter.Context),
            LoggerType => new ConstructorArgument(ConstructorParameter.Logger),
            TablesType => new ConstructorArgument(ConstructorParameter.Tables),
            MetricsType => new ConstructorArgument(ConstructorParameter.Metrics),
            MicrosoftLoggerType => new ConstructorArgument(ConstructorParameter.MicrosoftLogger),
            MicrosoftLoggerFactoryType => new ConstructorArgument(ConstructorParameter.MicrosoftLoggerFactory),
            _ => null,
        };
    }

    /// <summary>Async events, dump_state, capture listening, set_config and metrics.</summary>
    private static OptionalFeatures ReadFeatures(INamedTypeSymbol type, ITypeSymbol? configType, ConstructorModel constructor, Location? location, List<DiagnosticInfo> diagnostics)
    {
        bool produces = Implements(type, "Falco.Plugins.IAsyncEventProvider");
        bool dumps = Implements(type, "Falco.Plugins.IStateDumper");
        AsyncModel? async = null;
        if (produces || dumps)
        {
            string[] names = ArrayArgument(type, "Falco.Plugins.AsyncEventsAttribute").Select(v => v.Value as string ?? "").Where(n => n.Length > 0).Distinct().ToArray();
            string[] sources = ArrayArgument(type, "Falco.Plugins.AsyncEventSourcesAttribute").Select(v => v.Value as string ?? "").Where(n => n.Length > 0).ToArray();
            if (names.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoAsyncEventNames, location, type.Name));
            }

            async = new AsyncModel(names.Select(n => new StringValue(n)).ToEquatableArray(), sources.Select(n => new StringValue(n)).ToEquatableArray(), produces);
        }

        bool reconfigurable = configType is not null && type.AllInterfaces.Any(i =>
            i.OriginalDefinition.ToDisplayString() == "Falco.Plugins.IConfigurable<TConfig>"
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], configType));
        return new OptionalFeatures(
            async,
            dumps,
            Implements(type, "Falco.Plugins.ICaptureListener"),
            reconfigurable,
            constructor.Parameters.Any(p => p.Kind == ConstructorParameter.Metrics));
    }

    private static SourceModel? ReadSource(INamedTypeSymbol type, Compilation compilation, Location? location, List<DiagnosticInfo> diagnostics)
    {
        INamedTypeSymbol? source = type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.ToDisplayString() == SourceInterface);
        if (source is null)
        {
            return null;
        }

        ITypeSymbol instance = source.TypeArguments[0];
        object? id = ConstantProperty(type, source, "SourceId", compilation, diagnostics);
        object? name = ConstantProperty(type, source, "EventSource", compilation, diagnostics);
        uint sourceId = ToSourceId(id);
        string eventSource = name as string ?? "";
        if (id is not null && name is not null)
        {
            if (sourceId == 0 || eventSource.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.IncompleteSource, location, type.Name, sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture), eventSource));
            }
            else if (eventSource == "syscall")
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedSource, location));
            }
        }

        return new SourceModel(
            instance.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            sourceId,
            eventSource,
            Implements(type, "Falco.Plugins.IOpenParamsProvider"),
            Implements(instance, "Falco.Plugins.IProgressReporter"),
            Implements(type, "Falco.Plugins.IEventFormatter"));
    }

    private static ExtractModel? ReadExtract(INamedTypeSymbol type, string? ownSource, Location? location, List<DiagnosticInfo> diagnostics)
    {
        bool extracts = Implements(type, ExtractorInterface);
        (List<FieldModel> fields, var typedMethods) = FieldParser.Parse(type, diagnostics);
        if (!extracts)
        {
            if (fields.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoFields, location, $"The class '{type.Name}' declares [Field] methods but does not implement IFieldExtractor"));
            }

            return null;
        }

        bool declared = type.GetMembers().OfType<IMethodSymbol>().Any(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == FieldParser.FieldAttributeName));
        if (!declared)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoFields, location, $"The plugin '{type.Name}' implements IFieldExtractor but declares no [Field] method; Falco requires at least one field"));
        }

        (string[] sources, ushort[] types) = EventFilterReader.ReadDeclared(type, "Falco.Plugins.ExtractEventSourcesAttribute", "Falco.Plugins.ExtractEventTypesAttribute");
        EventFilterReader.CheckSources(sources, ownSource, "extract", "ExtractEventSources", typedMethods, diagnostics);

        // Without fields (an error reported above) the extractor reads like an untyped one.
        bool readsUntyped = fields.Count == 0 || fields.Any(f => !f.IsTyped);
        IEnumerable<ushort> typedCodes = fields.SelectMany(f => f.Methods).Where(m => m.Event is not null).Select(m => m.Event!.Code);
        return new ExtractModel(fields.ToEquatableArray(), EventFilterReader.Build(sources, types, readsUntyped, typedCodes));
    }

    /// <summary>The parsing capability: IEventParser, [ParseHandler] methods, or both; <see langword="null"/> with neither.</summary>
    private static ParseModel? ReadParse(INamedTypeSymbol type, string? ownSource, List<DiagnosticInfo> diagnostics)
    {
        bool parses = Implements(type, "Falco.Plugins.IEventParser");
        var handlers = ParseHandlerParser.Parse(type, diagnostics);
        if (!parses && handlers.Count == 0)
        {
            return null;
        }

        (string[] sources, ushort[] types) = EventFilterReader.ReadDeclared(type, "Falco.Plugins.ParseEventSourcesAttribute", "Falco.Plugins.ParseEventTypesAttribute");
        EventFilterReader.CheckSources(sources, ownSource, "parse", "ParseEventSources",
            handlers.Select(h => (h.Handler.MethodName, h.Handler.Event, h.Location)), diagnostics);
        ParserFallback fallback = !parses ? ParserFallback.None
            : types.Length > 0 || sources.Contains("syscall") ? ParserFallback.DeclaredEvents
            : ParserFallback.PluginEvents;
        return new ParseModel(
            EventFilterReader.Build(sources, types, parses, handlers.Select(h => h.Handler.Event.Code)),
            handlers.Select(h => h.Handler).ToEquatableArray(),
            fallback);
    }

    /// <summary>
    /// The compile-time constant that the class's implementation of the static interface property
    /// returns (declared implicitly or explicitly), or <see langword="null"/> after reporting why not.
    /// </summary>
    private static object? ConstantProperty(INamedTypeSymbol type, INamedTypeSymbol sourceInterface, string name, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        ISymbol? member = sourceInterface.GetMembers(name).FirstOrDefault();
        IPropertySymbol? property = member is null ? null : type.FindImplementationForInterfaceMember(member) as IPropertySymbol;
        if (property is null)
        {
            return null;
        }

        foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax syntax)
            {
                continue;
            }

            ExpressionSyntax? expression = syntax.ExpressionBody?.Expression ?? syntax.Initializer?.Value;
            if (expression is null && syntax.AccessorList is not null)
            {
                AccessorDeclarationSyntax? getter = syntax.AccessorList.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
                expression = getter?.ExpressionBody?.Expression
                    ?? (getter?.Body?.Statements.Count == 1 && getter.Body.Statements[0] is ReturnStatementSyntax ret ? ret.Expression : null);
            }

            if (expression is not null)
            {
                Optional<object?> constant = compilation.GetSemanticModel(expression.SyntaxTree).GetConstantValue(expression);
                if (constant.HasValue && constant.Value is not null)
                {
                    return constant.Value;
                }
            }
        }

        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotConstant, property.Locations.FirstOrDefault(), $"{type.Name}.{name}"));
        return null;
    }

    private static IEnumerable<TypedConstant> ArrayArgument(INamedTypeSymbol type, string attributeName) =>
        type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == attributeName && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Kind == TypedConstantKind.Array)
            .SelectMany(a => a.ConstructorArguments[0].Values);

    /// <summary>The id as the uint the property returns; an int literal (e.g. <c>=> 3;</c>) converts to it.</summary>
    private static uint ToSourceId(object? value) => value switch
    {
        uint u => u,
        int i when i > 0 => (uint)i,
        long l when l > 0 && l <= uint.MaxValue => (uint)l,
        _ => 0,
    };

    private static bool Implements(ITypeSymbol type, string interfaceName) =>
        type.AllInterfaces.Any(i => i.ToDisplayString() == interfaceName);
}

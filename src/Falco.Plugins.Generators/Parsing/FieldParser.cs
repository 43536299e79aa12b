using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>
/// Reads the [Field] methods of a plugin class into <see cref="FieldModel"/>s, reporting what
/// Falco would reject. Methods that share a field name are the extractors of one field for
/// different typed events.
/// </summary>
internal static class FieldParser
{
    public const string FieldAttributeName = "Falco.Plugins.FieldAttribute";
    private const string ExtractContextName = "Falco.Plugins.ExtractContext";

    /// <summary>The fields in declaration order, and every typed extractor method with its location.</summary>
    public static (List<FieldModel> Fields, List<(string Method, TypedEventModel Event, Location? Location)> TypedMethods) Parse(
        INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var groups = new List<FieldGroup>();
        var byName = new Dictionary<string, FieldGroup>();
        var typedMethods = new List<(string Method, TypedEventModel Event, Location? Location)>();
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FieldAttributeName);
            if (attribute is null)
            {
                continue;
            }

            Location? location = method.Locations.FirstOrDefault();
            ParsedExtractor? extractor = ParseMethod(method, attribute, location, diagnostics);
            if (extractor is null)
            {
                continue;
            }

            if (extractor.Method.Event is { } evt)
            {
                typedMethods.Add((method.Name, evt, location));
            }

            if (byName.TryGetValue(extractor.Shape.Name, out FieldGroup? group))
            {
                group.Add(extractor, location, diagnostics);
                continue;
            }

            group = new FieldGroup(extractor);
            byName.Add(extractor.Shape.Name, group);
            groups.Add(group);
        }

        return (groups.Select(g => g.ToModel()).ToList(), typedMethods);
    }

    private static ParsedExtractor? ParseMethod(IMethodSymbol method, AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics)
    {
        string name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        string description = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string ?? "" : "";
        string? display = Named<string>(attribute, "Display");
        var arg = (FieldArgKind)Named<int>(attribute, "Arg");
        uint explicitType = Named<uint>(attribute, "Type");
        int errors = diagnostics.Count;

        if (!Naming.IsValidFieldName(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidFieldName, location, name));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingDescription, location, name));
        }

        var parameters = method.Parameters;
        if (method.IsGenericMethod || parameters.Length == 0
            || parameters[0].RefKind != RefKind.Ref || parameters[0].Type.ToDisplayString() != ExtractContextName)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidExtractor, location, method.Name,
                method.IsGenericMethod ? "it is generic" : "its first parameter is not 'ref ExtractContext'"));
            return null;
        }

        bool usesOut = parameters.Length > 1 && parameters[parameters.Length - 1].RefKind == RefKind.Out;
        if (usesOut && method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidExtractor, location, method.Name, "a method with an 'out' value must return bool"));
            return null;
        }

        if (!usesOut && method.ReturnsVoid)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidExtractor, location, method.Name, "it returns nothing"));
            return null;
        }

        // A typed event, when there is one, comes right after the context and is taken by value.
        TypedEventModel? evt = parameters.Length > 1 && parameters[1].RefKind == RefKind.None ? TypedEventReader.Read(parameters[1].Type) : null;
        int first = evt is null ? 1 : 2;
        int argumentCount = parameters.Length - first - (usesOut ? 1 : 0);
        IParameterSymbol? argument = argumentCount >= 1 ? parameters[first] : null;
        string? accessor = ArgumentAccessor(arg, argumentCount, argument);
        if (accessor is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ArgumentMismatch, location, name, arg.ToString(), ExpectedArgument(arg),
                argument is null ? " (it takes none)" : $" (it takes '{argument.Type.ToDisplayString()}')"));
            return null;
        }

        ITypeSymbol valueType = usesOut ? parameters[parameters.Length - 1].Type : method.ReturnType;
        ValueMapping? mapping = FieldTypeMapper.Map(valueType, explicitType, out string hint);
        if (mapping is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedReturnType, location, method.Name, valueType.ToDisplayString(), hint));
            return null;
        }

        if (diagnostics.Count > errors)
        {
            return null;
        }

        var shape = new FieldShape(
            name,
            description,
            string.IsNullOrEmpty(display) ? null : display,
            arg,
            explicitType,
            Named<bool>(attribute, "AddOutput"),
            Named<int>(attribute, "Properties"),
            Named<bool>(attribute, "ReportsOffsets"),
            valueType.ToDisplayString());
        return new ParsedExtractor(shape, mapping, new FieldMethod(method.Name, method.IsStatic, accessor, usesOut, evt));
    }

    /// <summary>The ExtractCall accessor that reads the argument ("" for none), or <see langword="null"/> when the parameters do not fit the kind.</summary>
    private static string? ArgumentAccessor(FieldArgKind arg, int argumentCount, IParameterSymbol? argument)
    {
        if (arg == FieldArgKind.None)
        {
            return argumentCount == 0 ? "" : null;
        }

        if (argumentCount != 1 || argument is null || argument.RefKind != RefKind.None)
        {
            return null;
        }

        string type = argument.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
        return (arg, type) switch
        {
            (FieldArgKind.RequiredIndex, "ulong") => "RequiredIndex",
            (FieldArgKind.OptionalIndex, "ulong?") => "OptionalIndex",
            (FieldArgKind.RequiredKey, "string") => "RequiredKey",
            (FieldArgKind.RequiredKey, "System.ReadOnlySpan<byte>") => "RequiredKeyUtf8",
            (FieldArgKind.OptionalKey, "string") => "OptionalKey",
            (FieldArgKind.OptionalKey, "System.ReadOnlySpan<byte>") => "OptionalKeyUtf8",
            _ => null,
        };
    }

    private static string ExpectedArgument(FieldArgKind arg) => arg switch
    {
        FieldArgKind.None => "no argument",
        FieldArgKind.RequiredIndex => "a 'ulong' index",
        FieldArgKind.OptionalIndex => "a 'ulong?' index",
        FieldArgKind.RequiredKey => "a 'string' or 'ReadOnlySpan<byte>' key",
        _ => "a 'string?' or 'ReadOnlySpan<byte>' key",
    };

    private static T? Named<T>(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return default;
    }
}

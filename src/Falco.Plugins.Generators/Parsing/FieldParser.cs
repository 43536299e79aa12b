using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>Reads the [Field] methods of a plugin class into <see cref="FieldModel"/>s, reporting what Falco would reject.</summary>
internal static class FieldParser
{
    public const string FieldAttributeName = "Falco.Plugins.FieldAttribute";
    private const string ExtractContextName = "Falco.Plugins.ExtractContext";

    public static List<FieldModel> Parse(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var fields = new List<FieldModel>();
        var names = new HashSet<string>();
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FieldAttributeName);
            if (attribute is null)
            {
                continue;
            }

            Location? location = method.Locations.FirstOrDefault();
            FieldModel? field = ParseMethod(method, attribute, location, diagnostics);
            if (field is null)
            {
                continue;
            }

            if (!names.Add(field.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateField, location, field.Name));
                continue;
            }

            fields.Add(field);
        }

        return fields;
    }

    private static FieldModel? ParseMethod(IMethodSymbol method, AttributeData attribute, Location? location, List<DiagnosticInfo> diagnostics)
    {
        string name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        string description = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string ?? "" : "";
        string? display = Named<string>(attribute, "Display");
        var arg = (FieldArgKind)Named<int>(attribute, "Arg");
        uint explicitType = Named<uint>(attribute, "Type");
        bool addOutput = Named<bool>(attribute, "AddOutput");
        int properties = Named<int>(attribute, "Properties");
        bool reportsOffsets = Named<bool>(attribute, "ReportsOffsets");
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

        int argumentCount = parameters.Length - 1 - (usesOut ? 1 : 0);
        IParameterSymbol? argument = argumentCount >= 1 ? parameters[1] : null;
        string? accessor = ArgumentAccessor(arg, argumentCount, argument);
        if (accessor is null && (arg != FieldArgKind.None || argumentCount != 0))
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

        return new FieldModel(
            name,
            description,
            string.IsNullOrEmpty(display) ? null : display,
            arg,
            FieldTypes.JsonName(mapping.Type),
            mapping.IsList,
            addOutput,
            properties,
            reportsOffsets,
            method.Name,
            method.IsStatic,
            accessor,
            mapping.Setter,
            mapping.Cast,
            usesOut);
    }

    /// <summary>The ExtractCall accessor that reads the argument, or <see langword="null"/> when the parameters do not fit the kind.</summary>
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

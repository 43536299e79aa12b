using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>
/// Reads a config type the way System.Text.Json's source generator sees it (settable public
/// properties, [JsonPropertyName], [JsonIgnore], required members, nested objects, collections)
/// into a <see cref="ConfigNode"/> tree that the init schema is rendered from.
/// </summary>
internal sealed class ConfigShapeReader
{
    private const int MaxDepth = 8;
    private static readonly char[] Whitespace = { ' ', '\n', '\r', '\t' };
    private readonly Compilation _compilation;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly HashSet<ITypeSymbol> _inProgress = new(SymbolEqualityComparer.Default);

    public ConfigShapeReader(Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        _compilation = compilation;
        _diagnostics = diagnostics;
    }

    public ConfigNode Read(ITypeSymbol type) => ReadType(type, 0, null);

    private ConfigNode ReadType(ITypeSymbol type, int depth, ISymbol? member)
    {
        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }

        if (Scalar(type) is string scalar)
        {
            return Node(ConfigNodeKind.Scalar, nullable, scalar: scalar);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ReadEnum((INamedTypeSymbol)type, nullable, member);
        }

        string name = type.ToDisplayString();
        if (name is "object" or "System.Text.Json.JsonElement" or "System.Text.Json.Nodes.JsonNode" or "System.Text.Json.Nodes.JsonObject" or "System.Text.Json.Nodes.JsonArray")
        {
            return Node(ConfigNodeKind.Any, nullable);
        }

        if (type is IArrayTypeSymbol array)
        {
            return Node(ConfigNodeKind.Array, nullable, item: ReadType(array.ElementType, depth + 1, member));
        }

        if (type is INamedTypeSymbol named)
        {
            if (DictionaryValue(named) is ITypeSymbol value)
            {
                return Node(ConfigNodeKind.Dictionary, nullable, item: ReadType(value, depth + 1, member));
            }

            if (EnumerableItem(named) is ITypeSymbol item)
            {
                return Node(ConfigNodeKind.Array, nullable, item: ReadType(item, depth + 1, member));
            }

            if (named.TypeKind is TypeKind.Class or TypeKind.Struct && depth < MaxDepth && _inProgress.Add(named))
            {
                try
                {
                    return ReadObject(named, nullable, depth);
                }
                finally
                {
                    _inProgress.Remove(named);
                }
            }
        }

        if (member is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ConfigTypeNotSupported, member.Locations.FirstOrDefault(), member.Name, type.ToDisplayString()));
        }

        return Node(ConfigNodeKind.Any, nullable);
    }

    private ConfigNode ReadObject(INamedTypeSymbol type, bool nullable, int depth)
    {
        var properties = new List<ConfigProperty>();
        HashSet<string> constructorParameters = new(
            type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public)
                .SelectMany(c => c.Parameters)
                .Select(p => p.Name.ToLowerInvariant()));

        foreach (IPropertySymbol property in AllProperties(type))
        {
            if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                || property.GetMethod is null || HasAttribute(property, "System.Text.Json.Serialization.JsonIgnoreAttribute"))
            {
                continue;
            }

            bool settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public }
                || constructorParameters.Contains(property.Name.ToLowerInvariant());
            if (!settable)
            {
                continue;
            }

            if (property.SetMethod is { IsInitOnly: true } && HasInitializer(property))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InitOnlyDefault, property.Locations.FirstOrDefault(), property.Name));
            }

            string? jsonName = AttributeString(property, "System.Text.Json.Serialization.JsonPropertyNameAttribute");
            bool required = property.IsRequired || HasAttribute(property, "System.Text.Json.Serialization.JsonRequiredAttribute");
            properties.Add(new ConfigProperty(
                property.Name,
                jsonName,
                Description(property),
                DefaultValue(property),
                required,
                ReadType(property.Type, depth + 1, property)));
        }

        bool disallow = type.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute"
            && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int handling && handling == 1);
        return new ConfigNode(ConfigNodeKind.Object, null, nullable, properties.ToEquatableArray(), null, EquatableArray<EnumMember>.Empty, false, disallow);
    }

    private static ConfigNode ReadEnum(INamedTypeSymbol type, bool nullable, ISymbol? member)
    {
        var members = type.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new EnumMember(
                AttributeString(f, "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute") ?? f.Name,
                System.Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture) ?? "0"))
            .ToEquatableArray();
        bool asString = HasStringEnumConverter(type) || (member is not null && HasStringEnumConverter(member));
        return new ConfigNode(ConfigNodeKind.Enum, null, nullable, EquatableArray<ConfigProperty>.Empty, null, members, asString, false);
    }

    private static ConfigNode Node(ConfigNodeKind kind, bool nullable, string? scalar = null, ConfigNode? item = null) =>
        new(kind, scalar, nullable, EquatableArray<ConfigProperty>.Empty, item, EquatableArray<EnumMember>.Empty, false, false);

    /// <summary>The schema of types JSON represents as one value.</summary>
    private static string? Scalar(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return "{\"type\":\"boolean\"}";
            case SpecialType.System_Byte: return Integer("0", byte.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_SByte: return Integer(sbyte.MinValue.ToString(CultureInfo.InvariantCulture), sbyte.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_Int16: return Integer(short.MinValue.ToString(CultureInfo.InvariantCulture), short.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_UInt16: return Integer("0", ushort.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_Int32: return Integer(int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_UInt32: return Integer("0", uint.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_Int64: return Integer(long.MinValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_UInt64: return Integer("0", ulong.MaxValue.ToString(CultureInfo.InvariantCulture));
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal: return "{\"type\":\"number\"}";
            case SpecialType.System_String: return "{\"type\":\"string\"}";
            case SpecialType.System_Char: return "{\"type\":\"string\",\"minLength\":1,\"maxLength\":1}";
            case SpecialType.System_DateTime: return "{\"type\":\"string\",\"format\":\"date-time\"}";
        }

        return type.ToDisplayString() switch
        {
            "System.DateTimeOffset" => "{\"type\":\"string\",\"format\":\"date-time\"}",
            "System.TimeSpan" => "{\"type\":\"string\",\"description\":\"a duration, e.g. 00:00:30\"}",
            "System.Guid" => "{\"type\":\"string\",\"format\":\"uuid\"}",
            "System.Uri" => "{\"type\":\"string\",\"format\":\"uri\"}",
            _ => null,
        };
    }

    private static string Integer(string min, string max) => "{\"type\":\"integer\",\"minimum\":" + min + ",\"maximum\":" + max + "}";

    private static ITypeSymbol? DictionaryValue(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            string definition = candidate.OriginalDefinition.ToDisplayString();
            if (definition is "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"
                && candidate.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return candidate.TypeArguments[1];
            }
        }

        return null;
    }

    private static ITypeSymbol? EnumerableItem(INamedTypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        foreach (INamedTypeSymbol candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    private static IEnumerable<IPropertySymbol> AllProperties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (IPropertySymbol property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (seen.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    private string? DefaultValue(IPropertySymbol property)
    {
        foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is PropertyDeclarationSyntax { Initializer.Value: { } value })
            {
                SemanticModel model = _compilation.GetSemanticModel(value.SyntaxTree);
                Optional<object?> constant = model.GetConstantValue(value);
                if (constant.HasValue)
                {
                    return ConstantToJson(constant.Value);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A constant as JSON. An enum constant is its number: SchemaRenderer writes it as a member
    /// name when the enum is serialized as strings, which the JsonSerializerContext options decide too.
    /// </summary>
    private static string? ConstantToJson(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => Emitting.JsonBuilder.Quote(s),
        char c => Emitting.JsonBuilder.Quote(c.ToString()),
        float f when float.IsNaN(f) || float.IsInfinity(f) => null, // no JSON number for them
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        System.IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? Description(ISymbol member)
    {
        string? described = AttributeString(member, "System.ComponentModel.DescriptionAttribute");
        if (!string.IsNullOrWhiteSpace(described))
        {
            return described;
        }

        string? xml = member.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            XElement? summary = XElement.Parse(xml).Element("summary");
            string? text = summary?.Value;
            return string.IsNullOrWhiteSpace(text) ? null : string.Join(" ", text!.Split(Whitespace, System.StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static bool HasInitializer(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null });

    private static bool HasStringEnumConverter(ISymbol symbol) =>
        symbol.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonConverterAttribute"
            && a.ConstructorArguments.Length == 1
            && a.ConstructorArguments[0].Value is ITypeSymbol converter
            && converter.OriginalDefinition.ToDisplayString().StartsWith("System.Text.Json.Serialization.JsonStringEnumConverter", System.StringComparison.Ordinal));

    internal static bool HasAttribute(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attributeName);

    internal static string? AttributeString(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == attributeName && a.ConstructorArguments.Length == 1)
            .Select(a => a.ConstructorArguments[0].Value as string)
            .FirstOrDefault();
}

using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>
/// Reads the [JsonSerializable] attributes of JsonSerializerContext classes, to find the
/// source-generated metadata of a plugin's config type and the options that shape its JSON.
/// </summary>
internal static class JsonContextParser
{
    public const string SerializableAttributeName = "System.Text.Json.Serialization.JsonSerializableAttribute";
    private const string OptionsAttributeName = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";

    public static IEnumerable<JsonContextInfo> Parse(GeneratorAttributeSyntaxContext context)
    {
        if (context.TargetSymbol is not INamedTypeSymbol contextType || !DerivesFromContext(contextType))
        {
            yield break;
        }

        int namingPolicy = 0;
        bool disallow = false, stringEnums = false;
        foreach (AttributeData options in contextType.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == OptionsAttributeName))
        {
            if (options.ConstructorArguments.Length == 1 && options.ConstructorArguments[0].Value is int defaults && defaults == 1)
            {
                namingPolicy = NamingPolicy.CamelCase; // JsonSerializerDefaults.Web
            }

            foreach (KeyValuePair<string, TypedConstant> argument in options.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "PropertyNamingPolicy" when argument.Value.Value is int policy:
                        namingPolicy = policy;
                        break;
                    case "UnmappedMemberHandling" when argument.Value.Value is int handling:
                        disallow = handling == 1;
                        break;
                    case "UseStringEnumConverter" when argument.Value.Value is bool useStrings:
                        stringEnums = useStrings;
                        break;
                }
            }
        }

        string contextName = contextType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        foreach (AttributeData attribute in context.Attributes)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not ITypeSymbol serialized)
            {
                continue;
            }

            string? propertyName = attribute.NamedArguments.FirstOrDefault(a => a.Key == "TypeInfoPropertyName").Value.Value as string;
            yield return new JsonContextInfo(
                serialized.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                $"{contextName}.Default.{propertyName ?? DefaultPropertyName(serialized)}",
                namingPolicy,
                disallow,
                stringEnums);
        }
    }

    /// <summary>The name System.Text.Json gives the JsonTypeInfo property of a type when none is set.</summary>
    private static string DefaultPropertyName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => DefaultPropertyName(array.ElementType) + "Array",
        INamedTypeSymbol { IsGenericType: true } generic => generic.Name + string.Concat(generic.TypeArguments.Select(DefaultPropertyName)),
        _ => type.Name,
    };

    private static bool DerivesFromContext(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == "System.Text.Json.Serialization.JsonSerializerContext")
            {
                return true;
            }
        }

        return false;
    }
}

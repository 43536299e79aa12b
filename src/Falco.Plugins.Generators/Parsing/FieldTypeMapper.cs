using System.Linq;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>Field type numbers of the plugin API (ss_plugin_field_type), as FieldType declares them.</summary>
internal static class FieldTypes
{
    public const uint Inferred = 0;
    public const uint UInt64 = 8;
    public const uint String = 9;
    public const uint RelTime = 20;
    public const uint AbsTime = 21;
    public const uint Bool = 25;
    public const uint IPAddress = 40;
    public const uint IPNetwork = 41;

    public static string JsonName(uint type) => type switch
    {
        UInt64 => "uint64",
        String => "string",
        RelTime => "reltime",
        AbsTime => "abstime",
        Bool => "bool",
        IPAddress => "ipaddr",
        IPNetwork => "ipnet",
        _ => "unknown",
    };
}

/// <summary>How the value an extractor produces reaches the framework.</summary>
internal sealed record ValueMapping(uint Type, bool IsList, string Setter, string? Cast);

/// <summary>
/// Maps the C# type of an extractor's value to a Falco field type and to the ExtractCall
/// setter that writes it into native memory.
/// </summary>
internal static class FieldTypeMapper
{
    /// <summary>Returns the mapping, or <see langword="null"/> with a hint for the diagnostic.</summary>
    public static ValueMapping? Map(ITypeSymbol type, uint explicitType, out string hint)
    {
        hint = "";
        ValueMapping? scalar = MapScalar(type, explicitType, ref hint);
        if (scalar is not null || hint.Length > 0)
        {
            return scalar;
        }

        if (ElementType(type, out bool isSpan) is ITypeSymbol element)
        {
            return MapList(type, element, isSpan, explicitType, ref hint);
        }

        hint = "; supported: ulong, uint, ushort, byte, bool, string, ReadOnlySpan<byte>, TimeSpan, DateTime, DateTimeOffset, IPAddress, IPNetwork, their nullable forms, and arrays, lists or spans of them";
        return null;
    }

    private static ValueMapping? MapScalar(ITypeSymbol type, uint explicitType, ref string hint)
    {
        bool nullable = false;
        ITypeSymbol core = type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            core = wrapper.TypeArguments[0];
            nullable = true;
        }

        switch (core.SpecialType)
        {
            case SpecialType.System_UInt64:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt16:
            case SpecialType.System_Byte:
                return Check(explicitType, FieldTypes.UInt64, new[] { FieldTypes.UInt64, FieldTypes.RelTime, FieldTypes.AbsTime }, false, "SetUInt64",
                    core.SpecialType == SpecialType.System_UInt64 ? null : nullable ? "(ulong?)" : "(ulong)", ref hint);
            case SpecialType.System_Boolean:
                return Check(explicitType, FieldTypes.Bool, new[] { FieldTypes.Bool }, false, "SetBool", null, ref hint);
            case SpecialType.System_String:
                return Check(explicitType, FieldTypes.String, new[] { FieldTypes.String }, false, "SetString", null, ref hint);
            case SpecialType.System_DateTime:
                return Check(explicitType, FieldTypes.AbsTime, new[] { FieldTypes.AbsTime }, false, "SetAbsTime", null, ref hint);
            case SpecialType.System_Int64:
            case SpecialType.System_Int32:
            case SpecialType.System_Int16:
            case SpecialType.System_SByte:
                hint = "; Falco numbers are unsigned: return ulong (or an unsigned type)";
                return null;
        }

        // Without the annotation: an 'IPAddress?' return type is an IPAddress that may be null.
        switch (core.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString())
        {
            case "System.ReadOnlySpan<byte>" when !nullable:
                return Check(explicitType, FieldTypes.String, new[] { FieldTypes.String, FieldTypes.IPAddress, FieldTypes.IPNetwork }, false,
                    explicitType is FieldTypes.IPAddress or FieldTypes.IPNetwork ? "SetIPAddress" : "SetString", null, ref hint);
            case "System.TimeSpan":
                return Check(explicitType, FieldTypes.RelTime, new[] { FieldTypes.RelTime }, false, "SetRelTime", null, ref hint);
            case "System.DateTimeOffset":
                return Check(explicitType, FieldTypes.AbsTime, new[] { FieldTypes.AbsTime }, false, "SetAbsTime", null, ref hint);
            case "System.Net.IPAddress":
                return Check(explicitType, FieldTypes.IPAddress, new[] { FieldTypes.IPAddress, FieldTypes.IPNetwork }, false, "SetIPAddress", null, ref hint);
            case "System.Net.IPNetwork":
                return Check(explicitType, FieldTypes.IPNetwork, new[] { FieldTypes.IPNetwork }, false, "SetIPNetwork", null, ref hint);
        }

        return null;
    }

    private static ValueMapping? MapList(ITypeSymbol type, ITypeSymbol element, bool isSpan, uint explicitType, ref string hint)
    {
        string elementName = element.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
        string? cast = isSpan ? null : $"(global::System.Collections.Generic.IEnumerable<{element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}>?)";
        switch (elementName)
        {
            case "ulong":
                return Check(explicitType, FieldTypes.UInt64, new[] { FieldTypes.UInt64, FieldTypes.RelTime, FieldTypes.AbsTime }, true, "SetUInt64List", cast, ref hint);
            case "bool":
                return Check(explicitType, FieldTypes.Bool, new[] { FieldTypes.Bool }, true, "SetBoolList", cast, ref hint);
            case "string":
                return Check(explicitType, FieldTypes.String, new[] { FieldTypes.String }, true, "SetStringList", cast, ref hint);
        }

        if (isSpan)
        {
            hint = $"; spans of {elementName} are not supported: return a ReadOnlySpan of ulong, bool or string, or an array or list";
            return null;
        }

        switch (elementName)
        {
            case "System.TimeSpan":
                return Check(explicitType, FieldTypes.RelTime, new[] { FieldTypes.RelTime }, true, "SetRelTimeList", cast, ref hint);
            case "System.DateTimeOffset":
            case "System.DateTime":
                return Check(explicitType, FieldTypes.AbsTime, new[] { FieldTypes.AbsTime }, true, "SetAbsTimeList", cast, ref hint);
            case "System.Net.IPAddress":
                return Check(explicitType, FieldTypes.IPAddress, new[] { FieldTypes.IPAddress, FieldTypes.IPNetwork }, true, "SetIPAddressList", cast, ref hint);
            case "System.Net.IPNetwork":
                return Check(explicitType, FieldTypes.IPNetwork, new[] { FieldTypes.IPNetwork }, true, "SetIPNetworkList", cast, ref hint);
            case "uint":
            case "ushort":
            case "byte":
                hint = "; list elements must be ulong";
                return null;
        }

        hint = $"; list elements of type {elementName} are not supported";
        return null;
    }

    private static ValueMapping? Check(uint explicitType, uint inferred, uint[] allowed, bool isList, string setter, string? cast, ref string hint)
    {
        uint type = explicitType == FieldTypes.Inferred ? inferred : explicitType;
        if (!allowed.Contains(type))
        {
            hint = $"; with this return type, Type can be {string.Join(" or ", allowed.Select(FieldTypes.JsonName))}";
            return null;
        }

        return new ValueMapping(type, isList, setter, cast);
    }

    /// <summary>The element type of a list-like type (arrays, spans, enumerables other than string).</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol type, out bool isSpan)
    {
        isSpan = false;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return array.ElementType;
        }

        if (type is not INamedTypeSymbol named || named.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        string definition = named.OriginalDefinition.ToDisplayString();
        if (definition is "System.ReadOnlySpan<T>" or "System.Span<T>")
        {
            isSpan = true;
            return named.TypeArguments[0];
        }

        foreach (INamedTypeSymbol candidate in new[] { named }.Concat(named.AllInterfaces))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }
}

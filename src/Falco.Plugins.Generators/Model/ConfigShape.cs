namespace Falco.Plugins.Generators.Model;

/// <summary>
/// The shape of a config type as JSON sees it, before the naming policy of its
/// JsonSerializerContext is known. The schema is rendered from it once the context is found.
/// </summary>
internal sealed record ConfigNode(
    ConfigNodeKind Kind,
    string? ScalarSchema,
    bool Nullable,
    EquatableArray<ConfigProperty> Properties,
    ConfigNode? Item,
    EquatableArray<EnumMember> EnumMembers,
    bool EnumAsString,
    bool DisallowUnmapped);

/// <summary>What a config node is.</summary>
internal enum ConfigNodeKind
{
    /// <summary>Any JSON value.</summary>
    Any,

    /// <summary>A value whose schema is known outright (numbers, strings, booleans, times).</summary>
    Scalar,

    /// <summary>An object with known properties.</summary>
    Object,

    /// <summary>An array of <see cref="ConfigNode.Item"/>.</summary>
    Array,

    /// <summary>An object with arbitrary keys whose values are <see cref="ConfigNode.Item"/>.</summary>
    Dictionary,

    /// <summary>An enumeration.</summary>
    Enum,
}

/// <summary>A member of a config object.</summary>
internal sealed record ConfigProperty(
    string ClrName,
    string? JsonName,
    string? Description,
    string? DefaultJson,
    bool Required,
    ConfigNode Node);

/// <summary>An enumeration member.</summary>
internal sealed record EnumMember(string Name, string Value);

/// <summary>What the JsonSerializerContext that serializes the config type says about JSON names and shapes.</summary>
internal sealed record JsonContextInfo(
    string SerializedTypeName,
    string TypeInfoExpression,
    int NamingPolicy,
    bool DisallowUnmapped,
    bool StringEnums);

namespace Falco.Plugins.Generators.Model;

/// <summary>
/// A parsed [FalcoPlugin] class before its config type is matched with a JsonSerializerContext
/// (which lives in another pipeline).
/// </summary>
internal sealed record PluginCandidate(
    PluginModel Model,
    string? ConfigTypeName,
    ConfigNode? ConfigShape);

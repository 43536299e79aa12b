using System.Collections.Generic;

namespace Falco.Plugins.Testing;

/// <summary>A field a plugin declares in <c>plugin_get_fields</c>, as the framework reads it.</summary>
/// <param name="Id">The field id: its position in the fields array.</param>
/// <param name="Name">The field name.</param>
/// <param name="Type">The value type.</param>
/// <param name="IsList">Whether the field has several values.</param>
/// <param name="ArgRequired">Whether the field requires an argument.</param>
/// <param name="ArgIndex">Whether the argument is a numeric index.</param>
/// <param name="ArgKey">Whether the argument is a string key.</param>
/// <param name="Display">The display name ("" when none).</param>
/// <param name="Description">The description.</param>
/// <param name="AddOutput">Whether the field is suggested for outputs.</param>
/// <param name="Properties">The properties (hidden, info, conversation).</param>
public sealed record PluginField(
    int Id,
    string Name,
    FieldType Type,
    bool IsList,
    bool ArgRequired,
    bool ArgIndex,
    bool ArgKey,
    string Display,
    string Description,
    bool AddOutput,
    IReadOnlyList<string> Properties)
{
    /// <summary>Whether the field accepts an argument.</summary>
    public bool ArgAllowed => ArgIndex || ArgKey;
}

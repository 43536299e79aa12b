using System;

namespace Falco.Plugins;

/// <summary>
/// The field extraction capability: the plugin's methods marked with
/// <see cref="FieldAttribute"/> extract fields that Falco rules and outputs can use. The
/// framework asks for fields one event at a time; an <see cref="EventCache{T}"/> keeps what
/// was parsed from the current event for the next field.
/// </summary>
public interface IFieldExtractor
{
}

/// <summary>
/// Names the event sources a field extractor works on, besides the plugin's own source. A
/// plugin without this attribute and without a source of its own extracts from every source.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ExtractEventSourcesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="sources">Event source names, e.g. <c>"aws_cloudtrail"</c>.</param>
    public ExtractEventSourcesAttribute(params string[] sources)
    {
        Sources = sources;
    }

    /// <summary>The event source names.</summary>
    public string[] Sources { get; }
}

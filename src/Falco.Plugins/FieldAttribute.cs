using System;

namespace Falco.Plugins;

/// <summary>
/// Declares a method of an <see cref="IFieldExtractor"/> plugin as the extractor of a field
/// that Falco rules can use. The method takes <c>ref ExtractContext</c> first, then the
/// argument when <see cref="Arg"/> asks for one, and returns the value (or a list of values).
/// A method that returns <see langword="bool"/> and ends with an <see langword="out"/> parameter
/// reports the value through it, present only when it returns <see langword="true"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FieldAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The field name, e.g. <c>myplugin.user</c>: letters, digits, <c>_</c> and <c>.</c>.</param>
    /// <param name="description">What the field holds, shown by <c>falco --list</c>.</param>
    public FieldAttribute(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The field description.</summary>
    public string Description { get; }

    /// <summary>A short display name for the field.</summary>
    public string? Display { get; set; }

    /// <summary>The argument the field takes in rules, as in <c>name[3]</c> or <c>name[key]</c>.</summary>
    public FieldArg Arg { get; set; }

    /// <summary>
    /// The field type, when the return type alone does not say it: e.g. <see cref="FieldType.RelTime"/>
    /// or <see cref="FieldType.AbsTime"/> for a method returning nanoseconds as <see langword="ulong"/>.
    /// </summary>
    public FieldType Type { get; set; }

    /// <summary>Asks Falco to add the field to the output of every rule of the plugin's source (API 3.8).</summary>
    public bool AddOutput { get; set; }

    /// <summary>Hints for tools that list the field.</summary>
    public FieldProperties Properties { get; set; }

    /// <summary>
    /// The method reports where in the event payload its value came from (API 3.11), either by
    /// returning a span of the payload or by calling <see cref="ExtractContext.SetValueOffset"/>.
    /// </summary>
    public bool ReportsOffsets { get; set; }
}

/// <summary>The argument a field takes.</summary>
public enum FieldArg
{
    /// <summary>No argument.</summary>
    None = 0,

    /// <summary>A numeric index that must be given: <c>name[3]</c>. The method takes a <see langword="ulong"/>.</summary>
    RequiredIndex,

    /// <summary>A numeric index that may be given. The method takes a <see cref="Nullable{T}"/> of <see langword="ulong"/>.</summary>
    OptionalIndex,

    /// <summary>
    /// A key that must be given: <c>name[/user/name]</c>. The method takes a <see langword="string"/>
    /// or a <see cref="ReadOnlySpan{T}"/> of UTF-8 bytes.
    /// </summary>
    RequiredKey,

    /// <summary>A key that may be given. The method takes a nullable <see langword="string"/>.</summary>
    OptionalKey,
}

/// <summary>Hints about a field for tools that list fields.</summary>
[Flags]
public enum FieldProperties
{
    /// <summary>No hint.</summary>
    None = 0,

    /// <summary>Hidden from field listings.</summary>
    Hidden = 1,

    /// <summary>Informational: worth showing in outputs.</summary>
    Info = 2,

    /// <summary>Identifies a conversation (for grouping in tools).</summary>
    Conversation = 4,
}

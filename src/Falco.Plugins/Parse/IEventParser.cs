using System;

namespace Falco.Plugins;

/// <summary>
/// The event parsing capability: the framework hands the plugin each event once, before any
/// field is extracted from it, with read and write access to state tables. Plugins that parse
/// usually keep state in tables (their own or the framework's) that their extractors read.
/// By default a parser sees the events of the plugin's own source, or every plugin event;
/// <see cref="ParseEventSourcesAttribute"/> and <see cref="ParseEventTypesAttribute"/> choose others.
/// </summary>
public interface IEventParser
{
    /// <summary>Parses one event. Throwing fails the call with the exception's message.</summary>
    void ParseEvent(ref ParseContext context);
}

/// <summary>Names the event sources a parser sees, e.g. <c>"syscall"</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ParseEventSourcesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public ParseEventSourcesAttribute(params string[] sources)
    {
        Sources = sources;
    }

    /// <summary>The event source names.</summary>
    public string[] Sources { get; }
}

/// <summary>Names the event codes a parser sees (see the libscap event table); without it, every code of its sources.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ParseEventTypesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public ParseEventTypesAttribute(params ushort[] types)
    {
        Types = types;
    }

    /// <summary>The event codes.</summary>
    public ushort[] Types { get; }
}

/// <summary>Names the event codes a field extractor is asked about; without it, only plugin events, unless its sources include <c>syscall</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ExtractEventTypesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public ExtractEventTypesAttribute(params ushort[] types)
    {
        Types = types;
    }

    /// <summary>The event codes.</summary>
    public ushort[] Types { get; }
}

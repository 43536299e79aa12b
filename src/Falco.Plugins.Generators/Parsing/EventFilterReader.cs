using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>
/// Derives the events a capability asks the framework for, from the class's event source and
/// event type attributes and from the typed events its methods take.
/// </summary>
internal static class EventFilterReader
{
    private const ushort PluginEventCode = 322;

    /// <summary>The sources and event codes a capability's attributes name.</summary>
    public static (string[] Sources, ushort[] Types) ReadDeclared(INamedTypeSymbol type, string sourcesAttribute, string typesAttribute)
    {
        string[] sources = ArrayArgument(type, sourcesAttribute).Select(v => v.Value as string ?? "").Where(s => s.Length > 0).ToArray();
        ushort[] types = ArrayArgument(type, typesAttribute).Select(v => v.Value is ushort code ? code : (ushort)0).Distinct().ToArray();
        return (sources, types);
    }

    /// <summary>
    /// The events a capability sees. Named event codes are reported as they are; without them, a
    /// capability that reads events untyped (IEventParser, or a field without a typed event) sees
    /// every code when its sources include <c>syscall</c>, and plugin events only (code 322)
    /// otherwise, which is what payload-based extractors and parsers expect. The codes of the
    /// typed events its methods take are added, unless it already sees every code.
    /// </summary>
    public static EventFilter Build(string[] sources, ushort[] declaredTypes, bool readsUntyped, IEnumerable<ushort> typedCodes)
    {
        var types = new List<ushort>(declaredTypes);
        if (readsUntyped && types.Count == 0 && !sources.Contains("syscall"))
        {
            types.Add(PluginEventCode);
        }

        bool everyCode = readsUntyped && types.Count == 0;
        if (!everyCode)
        {
            foreach (ushort code in typedCodes)
            {
                if (!types.Contains(code))
                {
                    types.Add(code);
                }
            }
        }

        bool anyEvent = types.Count == 0 || types.Any(t => t != PluginEventCode);
        return new EventFilter(
            sources.Select(s => new StringValue(s)).ToEquatableArray(),
            types.Select(t => new EventCode(t)).ToEquatableArray(),
            anyEvent);
    }

    /// <summary>
    /// Reports the methods that take a typed syscall event while the capability's sources (the
    /// named ones plus the plugin's own, as the framework counts them) exclude <c>syscall</c>.
    /// </summary>
    public static void CheckSources(
        string[] sources,
        string? ownSource,
        string capability,
        string sourcesAttribute,
        IEnumerable<(string Method, TypedEventModel Event, Location? Location)> typedMethods,
        List<DiagnosticInfo> diagnostics)
    {
        var effective = new List<string>(sources);
        if (!string.IsNullOrEmpty(ownSource) && !effective.Contains(ownSource!))
        {
            effective.Add(ownSource!);
        }

        if (effective.Count == 0 || effective.Contains("syscall"))
        {
            return;
        }

        string listed = string.Join(", ", effective.Select(s => $"'{s}'"));
        foreach ((string method, TypedEventModel evt, Location? location) in typedMethods)
        {
            if (TypedEventReader.IsSyscallOnly(evt.Code))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TypedEventOutsideSources, location, method, evt.Name, capability, listed, sourcesAttribute));
            }
        }
    }

    private static IEnumerable<TypedConstant> ArrayArgument(INamedTypeSymbol type, string attributeName) =>
        type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == attributeName && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Kind == TypedConstantKind.Array)
            .SelectMany(a => a.ConstructorArguments[0].Values);
}

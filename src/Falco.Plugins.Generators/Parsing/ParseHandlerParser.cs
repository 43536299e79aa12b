using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>Reads the [ParseHandler] methods of a plugin class: one per event code, each taking 'ref ParseContext' and a typed event.</summary>
internal static class ParseHandlerParser
{
    public const string HandlerAttributeName = "Falco.Plugins.ParseHandlerAttribute";
    private const string ParseContextName = "Falco.Plugins.ParseContext";

    /// <summary>The valid handlers in declaration order; every other [ParseHandler] method gets a diagnostic.</summary>
    public static List<(ParseHandlerModel Handler, Location? Location)> Parse(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var handlers = new List<(ParseHandlerModel Handler, Location? Location)>();
        var byCode = new Dictionary<ushort, ParseHandlerModel>();
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (!method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == HandlerAttributeName))
            {
                continue;
            }

            Location? location = method.Locations.FirstOrDefault();
            TypedEventModel? evt = ReadEvent(method, out string problem);
            if (evt is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidParseHandler, location, method.Name, problem));
                continue;
            }

            var handler = new ParseHandlerModel(method.Name, method.IsStatic, evt);
            if (byCode.TryGetValue(evt.Code, out ParseHandlerModel? first))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateEventMethod, location,
                    first.MethodName, method.Name, evt.Name, evt.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), "as parse handlers"));
                continue;
            }

            byCode.Add(evt.Code, handler);
            handlers.Add((handler, location));
        }

        return handlers;
    }

    private static TypedEventModel? ReadEvent(IMethodSymbol method, out string problem)
    {
        var parameters = method.Parameters;
        problem = method.IsGenericMethod ? "it is generic"
            : !method.ReturnsVoid ? "it returns a value"
            : parameters.Length != 2 ? $"it takes {parameters.Length} parameter(s)"
            : parameters[0].RefKind != RefKind.Ref || parameters[0].Type.ToDisplayString() != ParseContextName ? "its first parameter is not 'ref ParseContext'"
            : parameters[1].RefKind != RefKind.None ? "its event parameter is not taken by value"
            : "";
        if (problem.Length > 0)
        {
            return null;
        }

        TypedEventModel? evt = TypedEventReader.Read(parameters[1].Type);
        if (evt is null)
        {
            problem = $"'{parameters[1].Type.ToDisplayString()}' is not a typed syscall event";
        }

        return evt;
    }
}

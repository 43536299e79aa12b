using System.Collections.Generic;
using System.Globalization;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>What a [Field] attribute and its method's value type say about a field; every method of one field must agree on it.</summary>
internal sealed record FieldShape(
    string Name,
    string Description,
    string? Display,
    FieldArgKind Arg,
    uint ExplicitType,
    bool AddOutput,
    int Properties,
    bool ReportsOffsets,
    string ValueType);

/// <summary>One valid [Field] method: the field it declares, how its value maps, and how to call it.</summary>
internal sealed record ParsedExtractor(FieldShape Shape, ValueMapping Mapping, FieldMethod Method);

/// <summary>
/// The methods that declare one field name. A name declared by several methods is one field
/// only when each takes a different typed event and they agree on everything else.
/// </summary>
internal sealed class FieldGroup
{
    private readonly ParsedExtractor _first;
    private readonly List<FieldMethod> _methods = new();

    public FieldGroup(ParsedExtractor first)
    {
        _first = first;
        _methods.Add(first.Method);
    }

    public void Add(ParsedExtractor extractor, Location? location, List<DiagnosticInfo> diagnostics)
    {
        FieldShape shape = _first.Shape;
        TypedEventModel? evt = extractor.Method.Event;
        if (evt is null && _first.Method.Event is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateField, location, shape.Name));
            return;
        }

        string disagreement = evt is null || _first.Method.Event is null
            ? $"'{_first.Method.MethodName}' and '{extractor.Method.MethodName}' do not both take a typed event"
            : Differences(shape, extractor.Shape);
        if (disagreement.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.FieldMethodsDisagree, location, shape.Name, disagreement));
            return;
        }

        foreach (FieldMethod method in _methods)
        {
            if (method.Event!.Code == evt!.Code)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateEventMethod, location,
                    method.MethodName, extractor.Method.MethodName, evt.Name, evt.Code.ToString(CultureInfo.InvariantCulture), $"for the field '{shape.Name}'"));
                return;
            }
        }

        _methods.Add(extractor.Method);
    }

    public FieldModel ToModel()
    {
        FieldShape shape = _first.Shape;
        ValueMapping mapping = _first.Mapping;
        return new FieldModel(
            shape.Name,
            shape.Description,
            shape.Display,
            shape.Arg,
            FieldTypes.JsonName(mapping.Type),
            mapping.IsList,
            shape.AddOutput,
            shape.Properties,
            shape.ReportsOffsets,
            mapping.Setter,
            mapping.Cast,
            _methods.ToEquatableArray());
    }

    /// <summary>What differs between two declarations of one field, for the message ("" when nothing does).</summary>
    private static string Differences(FieldShape a, FieldShape b)
    {
        var differences = new List<string>();
        if (a.Description != b.Description)
        {
            differences.Add("the description");
        }

        if (a.Display != b.Display)
        {
            differences.Add("Display");
        }

        if (a.Arg != b.Arg)
        {
            differences.Add($"Arg (FieldArg.{a.Arg} and FieldArg.{b.Arg})");
        }

        if (a.ExplicitType != b.ExplicitType)
        {
            differences.Add("Type");
        }

        if (a.AddOutput != b.AddOutput)
        {
            differences.Add("AddOutput");
        }

        if (a.Properties != b.Properties)
        {
            differences.Add("Properties");
        }

        if (a.ReportsOffsets != b.ReportsOffsets)
        {
            differences.Add("ReportsOffsets");
        }

        if (a.ValueType != b.ValueType)
        {
            differences.Add($"the value type ('{a.ValueType}' and '{b.ValueType}')");
        }

        return differences.Count == 0 ? "" : "they differ in " + string.Join(", ", differences);
    }
}

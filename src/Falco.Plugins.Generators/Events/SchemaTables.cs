using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Events;

/// <summary>
/// The shared static data of the generated code: one <c>FlagTable</c> per distinct flag table
/// (many parameters share one, like <c>open</c>'s flags) and one shape array per dynamic
/// parameter, each named after its first user.
/// </summary>
internal sealed class SchemaTables
{
    private readonly Dictionary<string, string> _flagTableByKey = new();
    private readonly Dictionary<(int Code, int Index), string> _flagTableByParam = new();
    private readonly Dictionary<(int Code, int Index), string> _shapesByParam = new();

    private SchemaTables()
    {
    }

    /// <summary>The flag tables: field name, whether names match exactly, entries.</summary>
    public List<(string Name, bool Enumeration, EquatableArray<FlagModel> Entries)> FlagTables { get; } = new();

    /// <summary>The dynamic shape arrays: field name, shapes.</summary>
    public List<(string Name, EquatableArray<ParamModel> Shapes)> ShapeArrays { get; } = new();

    public static SchemaTables Plan(EventSchemaModel schema)
    {
        var tables = new SchemaTables();
        foreach (EventModel evt in schema.Events)
        {
            foreach (ParamModel p in evt.Params)
            {
                tables.Add(evt, p);
            }
        }

        return tables;
    }

    /// <summary>The field of the flag table of parameter <paramref name="index"/> of <paramref name="code"/>, or <c>null</c> when it has none.</summary>
    public string? FlagTableOf(int code, int index) => _flagTableByParam.TryGetValue((code, index), out string? name) ? name : null;

    /// <summary>The field of the shape array of parameter <paramref name="index"/> of <paramref name="code"/>.</summary>
    public string ShapesOf(int code, int index) => _shapesByParam[(code, index)];

    private void Add(EventModel evt, ParamModel p)
    {
        if (p.Flags.Count > 0)
        {
            bool enumeration = ParamKinds.IsEnumeration(p.TypeName);
            string key = (enumeration ? "E:" : "B:") + string.Join("\n", p.Flags.Select(f => f.Name + "=" + f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (!_flagTableByKey.TryGetValue(key, out string? name))
            {
                name = evt.TypeName + p.Member;
                _flagTableByKey.Add(key, name);
                FlagTables.Add((name, enumeration, p.Flags));
            }

            _flagTableByParam[(evt.Code, p.Index)] = name;
        }

        if (p.Shapes.Count > 0)
        {
            string name = evt.TypeName + p.Member + "Shapes";
            ShapeArrays.Add((name, p.Shapes));
            _shapesByParam[(evt.Code, p.Index)] = name;
        }
    }
}

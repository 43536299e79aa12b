using Falco.Plugins.Generators.Emitting;

namespace Falco.Plugins.Generators.Events;

/// <summary>Emits <c>SchemaTables</c>: the flag tables and dynamic shapes the typed views and the schema share.</summary>
internal static class SchemaTablesEmitter
{
    public static string Emit(SchemaTables tables)
    {
        var code = new CodeWriter();
        code.Line(SchemaText.DataHeader).Line(SchemaText.Namespace).Line();
        code.Line("/// <summary>The flag tables and dynamic parameter shapes of the event table, shared by the typed views and <see cref=\"EventSchema\"/>.</summary>");
        code.Open("internal static class SchemaTables");
        foreach ((string name, bool enumeration, var entries) in tables.FlagTables)
        {
            code.Line($"internal static readonly FlagTable {name} = new(FlagTableKind.{(enumeration ? "Enumeration" : "Bitmask")},");
            for (int i = 0; i < entries.Count; i++)
            {
                string separator = i == entries.Count - 1 ? ");" : ",";
                code.Line($"    new FlagEntry({SchemaText.Literal(entries[i].Name)}, {SchemaText.Number(entries[i].Value)}u){separator}");
            }

            code.Line();
        }

        foreach ((string name, var shapes) in tables.ShapeArrays)
        {
            code.Line($"internal static readonly ParamInfo[] {name} =");
            code.Line("[");
            foreach (ParamModel shape in shapes)
            {
                code.Line("    " + SchemaText.ParamInfo(shape, null, null) + ",");
            }

            code.Line("];");
            code.Line();
        }

        code.Close();
        return code.ToString();
    }
}

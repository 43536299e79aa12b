using System.Linq;
using Falco.Plugins.Generators.Emitting;

namespace Falco.Plugins.Generators.Events;

/// <summary>Emits the data half of <c>EventSchema</c>: the version and one <c>EventInfo</c> per code.</summary>
internal static class EventSchemaEmitter
{
    // Events per construction method: a single method for the whole table is slow to JIT.
    private const int ChunkSize = 32;

    private const long SyscallCategoryMask = 512 - 1;

    public static string Emit(EventSchemaModel schema, SchemaTables tables)
    {
        var code = new CodeWriter();
        code.Line(SchemaText.DataHeader).Line(SchemaText.Namespace).Line();
        code.Open("public static partial class EventSchema");
        code.Line("/// <summary>The version of the libscap event schema the table and the typed views come from, e.g. <c>4.5.1</c>.</summary>");
        code.Line($"public const string Version = {SchemaText.Literal(schema.Version)};");
        code.Line();

        int chunks = (schema.Events.Count + ChunkSize - 1) / ChunkSize;
        code.Open("private static EventInfo[] CreateEvents()");
        code.Line($"var events = new EventInfo[{SchemaText.Number(schema.Events.Count)}];");
        for (int chunk = 0; chunk < chunks; chunk++)
        {
            code.Line($"AddEvents{SchemaText.Number(chunk)}(events);");
        }

        code.Line("return events;");
        code.Close();

        for (int chunk = 0; chunk < chunks; chunk++)
        {
            code.Line();
            code.Open($"private static void AddEvents{SchemaText.Number(chunk)}(EventInfo[] events)");
            foreach (EventModel evt in schema.Events.Skip(chunk * ChunkSize).Take(ChunkSize))
            {
                EmitEvent(code, evt, tables);
            }

            code.Close();
        }

        code.Close();
        return code.ToString();
    }

    private static void EmitEvent(CodeWriter code, EventModel evt, SchemaTables tables)
    {
        string head = $"events[{SchemaText.Number(evt.Code)}] = new EventInfo(EventCode.{evt.TypeName}, {SchemaText.Literal(evt.Name)}, {SchemaText.Literal(evt.EnumName)}, "
            + $"{SchemaText.Literal(evt.TypeName)}, (EventCategory){SchemaText.Number(evt.Category & SyscallCategoryMask)}, "
            + $"(EventOrigin){SchemaText.Number(evt.Category & ~SyscallCategoryMask)}, (EventFlags){SchemaText.Number(evt.Flags)}";
        if (evt.Params.Count == 0)
        {
            code.Line(head + ");");
            return;
        }

        code.Line(head + ",");
        for (int i = 0; i < evt.Params.Count; i++)
        {
            ParamModel p = evt.Params[i];
            string? shapes = p.Shapes.Count > 0 ? tables.ShapesOf(evt.Code, p.Index) : null;
            code.Line("    " + SchemaText.ParamInfo(p, tables.FlagTableOf(evt.Code, p.Index), shapes) + (i == evt.Params.Count - 1 ? ");" : ","));
        }
    }
}

using Falco.Plugins.Generators.Emitting;

namespace Falco.Plugins.Generators.Events;

/// <summary>Emits the <c>EventCode</c> enum: one member per code of the table.</summary>
internal static class EventCodeEmitter
{
    public static string Emit(EventSchemaModel schema)
    {
        var code = new CodeWriter();
        code.Line(SchemaText.Header).Line(SchemaText.Namespace).Line();
        code.Line("/// <summary>");
        code.Line($"/// The event codes of the libscap event table (schema {SchemaText.Xml(schema.Version)}). A member is named after the");
        code.Line("/// libscap enum: without <c>PPME_</c>, each word PascalCased, <c>_E</c>/<c>_X</c> spelled <c>Enter</c>/<c>Exit</c>");
        code.Line("/// (<c>PPME_SYSCALL_OPENAT_2_X</c> is <c>SyscallOpenat2Exit</c>); when two codes would share a name, the higher");
        code.Line("/// code has its number appended. The typed view of a code has the same name.");
        code.Line("/// </summary>");
        code.Open("public enum EventCode : ushort");
        foreach (EventModel evt in schema.Events)
        {
            code.Line($"/// <summary><c>{SchemaText.Xml(evt.EnumName)}</c>: the <c>{SchemaText.Xml(evt.Name)}</c> {(evt.IsEnter ? "enter" : "exit")} event.</summary>");
            code.Line($"{evt.TypeName} = {SchemaText.Number(evt.Code)},");
            code.Line();
        }

        code.Close();
        return code.ToString();
    }
}

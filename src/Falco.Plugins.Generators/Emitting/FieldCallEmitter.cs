using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Emitting;

/// <summary>
/// Writes the statements of one field's case in the generated extract_fields switch: the call
/// of its extractor and the store of its value. A field of typed events switches on the event
/// code, reads the event into its view, and is absent on other codes.
/// </summary>
internal static class FieldCallEmitter
{
    private const string Failures = "global::Falco.Plugins.Hosting.TypedEventFailures";

    /// <summary>Writes <c>case {id}u:</c> and its statements.</summary>
    public static void Emit(CodeWriter code, PluginModel plugin, FieldModel field, int id)
    {
        if (!field.IsTyped)
        {
            code.Line($"case {id}u:");
            code.Line("    " + Store(plugin, field, field.Methods[0], $"{id}", ""));
            code.Line("    break;");
            return;
        }

        code.Open($"case {id}u:");
        code.Open("switch (call.Context.Event.Type)");
        for (int k = 0; k < field.Methods.Count; k++)
        {
            FieldMethod method = field.Methods[k];
            TypedEventModel evt = method.Event!;
            string suffix = $"{id}_{k}";
            code.Open($"case {evt.Code}:");
            code.Open($"if ({evt.TypeName}.TryRead(call.Context.Event, out {evt.TypeName} typed{suffix}))");
            code.Line(Store(plugin, field, method, suffix, $", typed{suffix}"));
            code.Close();
            code.Open("else");
            code.Line($"{evt.TypeName}.TryRead(call.Context.Event, out _, out string? error{suffix});");
            code.Line($"throw {Failures}.Extract(call.Context.EventNumber, {evt.Code}, {CodeWriter.Literal(evt.Name)}, error{suffix});");
            code.Close();
            code.Line();
            code.Line("break;");
            code.Close();
        }

        code.Line("default:");
        code.Line("    call.SetAbsent(i);");
        code.Line("    break;");
        code.Close();
        code.Line();
        code.Line("break;");
        code.Close();
    }

    /// <summary>The statement that calls one extractor method and stores its value.</summary>
    private static string Store(PluginModel plugin, FieldModel field, FieldMethod method, string suffix, string typedArgument)
    {
        string target = method.IsStatic ? plugin.FullName : "plugin";
        string argument = method.ArgumentAccessor.Length == 0 ? "" : $", call.{method.ArgumentAccessor}(i)";
        string arguments = $"ref call.Context{typedArgument}{argument}";
        if (method.UsesOutValue)
        {
            return $"if ({target}.{method.MethodName}({arguments}, out var value{suffix})) {{ call.{field.Setter}(i, {field.ValueCast}value{suffix}); }} else {{ call.SetAbsent(i); }}";
        }

        return $"call.{field.Setter}(i, {field.ValueCast}{target}.{method.MethodName}({arguments}));";
    }
}

using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Emitting;

/// <summary>
/// Writes the body of <c>plugin_parse_event</c> for a plugin with typed parse handlers: a switch
/// on the event code that reads the event into the handler's view and calls it directly (no
/// delegate, no lookup), and hands the other events to IEventParser.ParseEvent when the class
/// implements it.
/// </summary>
internal static class ParseDispatchEmitter
{
    private const string Hosting = "global::Falco.Plugins.Hosting";

    public static void Emit(CodeWriter code, PluginModel plugin, ParseModel parse)
    {
        code.Open("private static int ParseEvent(void* s, void* evt, void* input)");
        code.Line($"var state = {Hosting}.PluginState<{plugin.FullName}>.FromHandle(s);");
        code.Line("if (state is null)");
        code.Line("{");
        code.Line("    return 1;");
        code.Line("}");
        code.Line();
        code.Open("try");
        code.Line($"if (!{Hosting}.ParseExports.Begin(state, evt, input, out global::Falco.Plugins.ParseContext context, out int rc))");
        code.Line("{");
        code.Line("    return rc;");
        code.Line("}");
        code.Line();

        // Reading the plugin object first fails the call when init failed, whichever handler runs.
        code.Line($"{plugin.FullName} plugin = state.Plugin;");
        code.Open("switch (context.Event.Type)");
        foreach (ParseHandlerModel handler in parse.Handlers)
        {
            EmitHandlerCase(code, plugin, handler);
        }

        code.Line("default:");
        switch (parse.Fallback)
        {
            case ParserFallback.DeclaredEvents:
                code.Line("    ((global::Falco.Plugins.IEventParser)plugin).ParseEvent(ref context);");
                break;
            case ParserFallback.PluginEvents:
                code.Line("    if (context.Event.IsPluginEvent) { ((global::Falco.Plugins.IEventParser)plugin).ParseEvent(ref context); }");
                break;
        }

        code.Line("    break;");
        code.Close();
        code.Line();
        code.Line("return 0;");
        code.Close();
        code.Open("catch (global::System.Exception ex)");
        code.Line("return state.Fail(\"parse_event\", ex);");
        code.Close();
        code.Close();
    }

    private static void EmitHandlerCase(CodeWriter code, PluginModel plugin, ParseHandlerModel handler)
    {
        TypedEventModel evt = handler.Event;
        string target = handler.IsStatic ? plugin.FullName : "plugin";
        code.Open($"case {evt.Code}:");
        code.Open($"if (!{evt.TypeName}.TryRead(context.Event, out {evt.TypeName} typed{evt.Code}))");
        code.Line($"{evt.TypeName}.TryRead(context.Event, out _, out string? error{evt.Code});");
        code.Line($"return {Hosting}.TypedEventFailures.Parse(state, context.EventNumber, {evt.Code}, {CodeWriter.Literal(evt.Name)}, error{evt.Code});");
        code.Close();
        code.Line();
        code.Line($"{target}.{handler.MethodName}(ref context, typed{evt.Code});");
        code.Line("break;");
        code.Close();
    }
}

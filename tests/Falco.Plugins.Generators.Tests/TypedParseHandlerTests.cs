using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using static Falco.Plugins.Generators.Tests.Infrastructure.TypedEventViews;

namespace Falco.Plugins.Generators.Tests;

/// <summary>
/// [ParseHandler] methods: the generated plugin_parse_event switches on the event code, reads the
/// event into the handler's typed view and calls it; the parse event types derive from the handlers.
/// </summary>
public sealed class TypedParseHandlerTests
{
    [Fact]
    public void Each_event_code_reaches_its_handler_with_the_event_read_into_its_view()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin
            {
                public static string Seen = "";

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) => Seen += $"open {evt.Fd} #{context.EventNumber};";

                [ParseHandler]
                private static void OnClose(ref ParseContext context, StandInCloseExit evt) => Seen += $"close {evt.Res};";
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(0, plugin.Parse(Event(OpenCode, 4), eventNumber: 10));
        Assert.Equal(0, plugin.Parse(Event(CloseCode, -9)));

        // A code no handler takes, should a framework send it anyway, is ignored.
        Assert.Equal(0, plugin.Parse(Event(ReadCode, 1)));
        Assert.Equal("open 4 #10;close -9;", plugin.Static("Seen"));
    }

    [Fact]
    public void Handlers_alone_give_the_parse_capability_with_their_codes_as_event_types()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin
            {
                [ParseHandler]
                public void OnClose(ref ParseContext context, StandInCloseExit evt) { }

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) { }
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Contains("plugin_parse_event", plugin.EntryPoints);
        Assert.DoesNotContain("plugin_get_parse_event_sources", plugin.EntryPoints);
        Assert.Equal(new ushort[] { CloseCode, OpenCode }, plugin.EventTypes("parse"));
        Assert.Contains("parsesAnyEvent: true", run.Exports.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseEvent_receives_the_named_event_types_that_no_handler_takes()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            [ParseEventTypes(3, 7)]
            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public static string Seen = "";

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) => Seen += "handler;";

                [ParseHandler]
                public void OnClose(ref ParseContext context, StandInCloseExit evt) => Seen += "close;";

                // An explicit implementation is reached too.
                void IEventParser.ParseEvent(ref ParseContext context) => Seen += $"parser {context.Event.Type};";
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(new ushort[] { OpenCode, ReadCode, CloseCode }, plugin.EventTypes("parse"));
        Assert.Equal(0, plugin.Parse(Event(OpenCode, 1)));
        Assert.Equal(0, plugin.Parse(Event(ReadCode, 1)));
        Assert.Equal(0, plugin.Parse(Event(CloseCode, 1)));
        Assert.Equal("handler;parser 7;close;", plugin.Static("Seen"));
    }

    [Fact]
    public void A_parser_of_the_syscall_source_sees_every_event_and_exports_no_types()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            [ParseEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public static string Seen = "";

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) => Seen += "handler;";

                public void ParseEvent(ref ParseContext context) => Seen += $"parser {context.Event.Type};";
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.DoesNotContain("plugin_get_parse_event_types", plugin.EntryPoints);
        Assert.Equal(0, plugin.Parse(Event(OpenCode, 1)));
        Assert.Equal(0, plugin.Parse(Event(ReadCode, 1)));
        Assert.Equal(0, plugin.Parse(PluginEvent(999, "x"u8)));
        Assert.Equal("handler;parser 7;parser 322;", plugin.Static("Seen"));
    }

    [Fact]
    public void A_parser_of_plugin_events_keeps_them_and_adds_the_handler_codes()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public static string Seen = "";

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) => Seen += "handler;";

                public void ParseEvent(ref ParseContext context) => Seen += $"parser {context.Event.Type};";
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(new ushort[] { 322, OpenCode }, plugin.EventTypes("parse"));
        Assert.Equal(0, plugin.Parse(PluginEvent(999, "x"u8)));
        Assert.Equal(0, plugin.Parse(Event(OpenCode, 1)));

        // Not a declared type: the parser, which reads plugin events, does not get it.
        Assert.Equal(0, plugin.Parse(Event(ReadCode, 1)));
        Assert.Equal("parser 322;handler;", plugin.Static("Seen"));
    }

    [Fact]
    public void A_malformed_event_fails_the_call_naming_the_plugin_operation_event_and_problem()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin
            {
                public static string Seen = "";

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) => Seen += "handler;";
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(1, plugin.Parse(EmptyEvent(OpenCode), eventNumber: 17));
        Assert.Equal(
            "test: parse_event: event 17 (code 3) is malformed: StandInOpenExit: expected one 8-byte parameter, the event has 0 parameter(s) in 26 bytes",
            plugin.LastError);
        Assert.Equal("", plugin.Static("Seen"));
    }

    [Fact]
    public void A_handler_that_throws_fails_the_call_with_its_message()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin
            {
                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) => throw new PluginException($"fd {evt.Fd} is unknown");
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(1, plugin.Parse(Event(OpenCode, 12)));
        Assert.Equal("test: parse_event: fd 12 is unknown", plugin.LastError);
    }

    [Fact]
    public void Dispatching_to_a_handler_allocates_nothing()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public static long Total;

                [ParseHandler]
                public void OnOpen(ref ParseContext context, StandInOpenExit evt) => Total += evt.Fd;

                [ParseHandler]
                public void OnClose(ref ParseContext context, StandInCloseExit evt) => Total -= evt.Res;

                public void ParseEvent(ref ParseContext context) => Total++;
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(0, plugin.ParseAllocations(Event(CloseCode, 2), 1_000));
        Assert.Equal(0, plugin.ParseAllocations(PluginEvent(999, "x"u8), 1_000));
        Assert.Equal(-2L * 1_001 + 1_001, plugin.Static("Total"));
    }

    [Fact]
    public void A_plugin_without_handlers_keeps_the_direct_parse_export()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IEventParser
            {
                public void ParseEvent(ref ParseContext context) { }
            }
            """);

        run.AssertCleanBuild();
        Assert.Contains("ParseExports.ParseEvent<global::TestPlugins.TestPlugin>(s, evt, input)", run.Exports.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("switch", run.Exports.ToString(), StringComparison.Ordinal);
    }

}

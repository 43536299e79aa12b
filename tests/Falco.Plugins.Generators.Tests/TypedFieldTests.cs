using System;
using System.Linq;
using System.Text.Json;
using Falco.Plugins.Generators.Tests.Infrastructure;
using static Falco.Plugins.Generators.Tests.Infrastructure.TypedEventViews;

namespace Falco.Plugins.Generators.Tests;

/// <summary>
/// [Field] methods that take a typed event after the context: the generated extract_fields
/// switches on the event code, reads the event into the method's view, and reports the field
/// absent on other codes; several methods can implement one field for different events.
/// </summary>
public sealed class TypedFieldTests
{
    [Fact]
    public void A_typed_field_is_read_from_its_event_and_absent_on_other_events()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.fd", "The descriptor open returned")]
                public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => (ulong)evt.Fd;
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(new ushort[] { OpenCode }, plugin.EventTypes("extract"));
        Assert.Equal((0, (object?)4UL), plugin.Extract(Event(OpenCode, 4), 0, isString: false));
        Assert.Equal((0, (object?)null), plugin.Extract(Event(CloseCode, 4), 0, isString: false));
        Assert.Equal((0, (object?)null), plugin.Extract(PluginEvent(999, "x"u8), 0, isString: false));
    }

    [Fact]
    public void Methods_with_one_field_name_implement_it_for_their_event_types()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.result", "What the syscall returned")]
                public ulong Result(ref ExtractContext context, StandInOpenExit evt) => (ulong)evt.Fd;

                [Field("test.other", "Another field")]
                public ulong Other(ref ExtractContext context) => 1;

                [Field("test.result", "What the syscall returned")]
                private static ulong Result(ref ExtractContext context, StandInCloseExit evt) => (ulong)(evt.Res + 100);
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        using JsonDocument fields = JsonDocument.Parse(GeneratedExports.Utf8Literal(run.Exports, "FieldsJson"));
        Assert.Equal(new[] { "test.result", "test.other" }, fields.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(new ushort[] { 322, OpenCode, CloseCode }, plugin.EventTypes("extract"));
        Assert.Equal((0, (object?)7UL), plugin.Extract(Event(OpenCode, 7), 0, isString: false));
        Assert.Equal((0, (object?)105UL), plugin.Extract(Event(CloseCode, 5), 0, isString: false));
        Assert.Equal((0, (object?)null), plugin.Extract(Event(ReadCode, 5), 0, isString: false));
        Assert.Equal((0, (object?)1UL), plugin.Extract(PluginEvent(999, "x"u8), 1, isString: false));
    }

    [Fact]
    public void The_field_argument_follows_the_typed_event()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.plus", "The descriptor plus the index", Arg = FieldArg.RequiredIndex)]
                public ulong Plus(ref ExtractContext context, StandInOpenExit evt, ulong index) => (ulong)evt.Fd + index;
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal((0, (object?)13UL), plugin.Extract(Event(OpenCode, 3), 0, isString: false, index: 10));
    }

    [Fact]
    public void A_typed_field_can_report_its_value_through_an_out_parameter()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.size", "The size read, when positive")]
                public bool Size(ref ExtractContext context, StandInReadExit evt, out string value)
                {
                    value = $"{evt.Size} bytes";
                    return evt.Size > 0;
                }
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal((0, (object?)"12 bytes"), plugin.Extract(Event(ReadCode, 12), 0, isString: true));
        Assert.Equal((0, (object?)null), plugin.Extract(Event(ReadCode, -1), 0, isString: true));
    }

    [Fact]
    public void An_untyped_field_of_the_syscall_source_keeps_every_event()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            [ExtractEventSources("syscall")]
            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.fd", "The descriptor open returned")]
                public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => (ulong)evt.Fd;

                [Field("test.tid", "The thread")]
                public ulong Tid(ref ExtractContext context) => context.Event.ThreadId;
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.DoesNotContain("plugin_get_extract_event_types", plugin.EntryPoints);
        Assert.Equal((0, (object?)42UL), plugin.Extract(Event(ReadCode, 1), 1, isString: false));
    }

    [Fact]
    public void A_malformed_event_fails_the_field_naming_the_event_and_the_problem()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.fd", "The descriptor open returned")]
                public ulong Fd(ref ExtractContext context, StandInOpenExit evt) => (ulong)evt.Fd;
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(1, plugin.Extract(EmptyEvent(OpenCode), 0, isString: false, eventNumber: 9).Rc);
        Assert.Equal(
            "test: extract_fields: field test.fd: event 9 (code 3) is malformed: StandInOpenExit: expected one 8-byte parameter, the event has 0 parameter(s) in 26 bytes",
            plugin.LastError);
    }

    [Fact]
    public void Extracting_a_typed_field_allocates_nothing_beyond_its_value()
    {
        GeneratorRun run = Run(Usings + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                [Field("test.result", "What the syscall returned")]
                public ulong Result(ref ExtractContext context, StandInOpenExit evt) => (ulong)evt.Fd;

                [Field("test.result", "What the syscall returned")]
                public ulong Result(ref ExtractContext context, StandInCloseExit evt) => (ulong)evt.Res;
            }
            """);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(0, plugin.ExtractAllocations(Event(CloseCode, 2), 0, 1_000));
        Assert.Equal(0, plugin.ExtractAllocations(Event(ReadCode, 2), 0, 1_000));
    }

    [Fact]
    public void Untyped_fields_keep_their_direct_call()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Extractor(Snippets.ValueField));

        run.AssertCleanBuild();
        Assert.Contains("call.SetUInt64(i, plugin.Value(ref call.Context));", run.Exports.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("call.Context.Event.Type", run.Exports.ToString(), StringComparison.Ordinal);
    }
}

using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;
using Falco.Plugins.Tests.Events;

namespace Falco.Plugins.Tests.Hosting;

/// <summary>
/// ParseExports.Begin, which the generated dispatch of typed parse handlers calls before it
/// switches on the event code: input checks, malformed events, and which events reach the plugin.
/// </summary>
public sealed unsafe class ParseBeginTests : IDisposable
{
    private readonly PluginState<NoParser> _plugin = new(new PluginDescriptor("test", 12, 0, [], parsesAnyEvent: false));
    private readonly PluginState<NoParser> _anyEventPlugin = new(new PluginDescriptor("test", 12, 0, [], parsesAnyEvent: true));
    private readonly EventParseInput* _input = (EventParseInput*)NativeMemory.AllocZeroed((nuint)sizeof(EventParseInput));

    [Fact]
    public void A_syscall_event_reaches_a_plugin_that_parses_any_event_with_its_number()
    {
        byte[] evt = TestEvents.Raw(3, nparams: 0, len: 26, []);

        bool begun = Begin(_anyEventPlugin, evt, 77, out int rc, out ushort type, out ulong number);

        Assert.True(begun);
        Assert.Equal((int)PluginRc.Success, rc);
        Assert.Equal(3, type);
        Assert.Equal(77UL, number);
    }

    [Fact]
    public void A_syscall_event_is_skipped_with_success_by_a_plugin_of_plugin_events()
    {
        byte[] evt = TestEvents.Raw(3, nparams: 0, len: 26, []);

        Assert.False(Begin(_plugin, evt, 1, out int rc, out _, out _));
        Assert.Equal((int)PluginRc.Success, rc);
        Assert.Null(_plugin.LastError);
    }

    [Fact]
    public void A_plugin_event_reaches_a_plugin_of_plugin_events()
    {
        Assert.True(Begin(_plugin, TestEvents.Plugin(999, "x"u8), 1, out int rc, out ushort type, out _));
        Assert.Equal((int)PluginRc.Success, rc);
        Assert.Equal(322, type);
    }

    [Fact]
    public void A_malformed_event_fails_naming_the_plugin_operation_and_event()
    {
        byte[] evt = TestEvents.Raw(3, nparams: 0, len: 10, []);

        Assert.False(Begin(_anyEventPlugin, evt, 5, out int rc, out _, out _));
        Assert.Equal((int)PluginRc.Failure, rc);
        Assert.Equal("test: parse_event: event 5 is malformed: the event length 10 is shorter than the 26-byte header", _anyEventPlugin.LastError);
    }

    [Fact]
    public void A_NULL_input_fails()
    {
        fixed (byte* bytes = TestEvents.Plugin(999, "x"u8))
        {
            var eventInput = new EventInput { Evt = (EventHeader*)bytes, EvtNum = 1 };

            Assert.False(ParseExports.Begin(_plugin, &eventInput, null, out _, out int rc));
            Assert.Equal((int)PluginRc.Failure, rc);
            Assert.Equal("test: parse_event: called with a NULL argument", _plugin.LastError);
        }
    }

    public void Dispose()
    {
        _plugin.Release();
        _anyEventPlugin.Release();
        NativeMemory.Free(_input);
    }

    private bool Begin(PluginState state, byte[] evt, ulong eventNumber, out int rc, out ushort type, out ulong number)
    {
        fixed (byte* bytes = evt)
        {
            var eventInput = new EventInput { Evt = (EventHeader*)bytes, EvtNum = eventNumber };
            bool begun = ParseExports.Begin(state, &eventInput, _input, out ParseContext context, out rc);
            type = begun ? context.Event.Type : (ushort)0;
            number = begun ? context.EventNumber : 0;
            return begun;
        }
    }

    /// <summary>A plugin class for the state: Begin never calls the plugin.</summary>
    private sealed class NoParser;
}

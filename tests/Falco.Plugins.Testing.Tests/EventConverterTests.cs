using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Testing.Captures.Conversion;
using EventBytes = Falco.Plugins.Testing.Tests.Infrastructure.SyscallEvent;

namespace Falco.Plugins.Testing.Tests;

/// <summary>The conversion of old event versions, one table rule at a time, as libscap's savefile engine converts them.</summary>
public sealed class EventConverterTests
{
    private const long Tid = 42;

    [Fact]
    public void An_enter_event_is_stored_and_dropped_and_its_exit_event_takes_the_parameters_it_lacks_from_it()
    {
        var converter = new EventConverter();

        // close's exit stored only res; the event table has res and fd since.
        byte[] exit = Convert(converter, Event(EventCode.SyscallCloseEnter, I64(7)), Event(EventCode.SyscallCloseExit, I64(0)));

        Assert.Equal(Event(EventCode.SyscallCloseExit, I64(0), I64(7)), exit);
        Assert.Equal(0, converter.EnterEvents.Count);
    }

    [Fact]
    public void An_old_exit_version_becomes_the_latest_version_of_its_code()
    {
        var converter = new EventConverter();

        byte[] exit = Convert(converter, Event(EventCode.SyscallLinkEnter, Text("/a"), Text("/b")), Event(EventCode.SyscallLinkExit, I64(-2)));

        Assert.Equal(Event(EventCode.SyscallLink2Exit, I64(-2), Text("/a"), Text("/b")), exit);
    }

    [Fact]
    public void A_changed_type_takes_what_its_enter_event_has_and_leaves_the_rest_empty()
    {
        var converter = new EventConverter();

        // brk_1's exit becomes brk_4's: vm_size from brk_1's enter event, the memory counters and addr empty.
        byte[] exit = Convert(converter, Event(EventCode.SyscallBrk1Enter, U32(0x1000)), Event(EventCode.SyscallBrk1Exit, U64(0x2000)));

        Assert.Equal(Event(EventCode.SyscallBrk4Exit, U64(0x2000), U32(0x1000), [], [], []), exit);
        Assert.Equal(0, converter.EnterEvents.Count);
    }

    [Fact]
    public void Conversions_chain_until_the_latest_version()
    {
        var converter = new EventConverter();
        byte[][] stored = [.. EventSchema.Get(EventCode.SyscallExecve16Exit).Parameters.Select(p => p.FixedSize > 0 ? Enumerable.Repeat((byte)p.Index, p.FixedSize).ToArray() : Text($"v{p.Index}"))];

        // execve 16 -> 17 -> 18 -> 19, then the parameters added since, one rule at a time.
        byte[] exit = Convert(converter, Event(EventCode.SyscallExecve16Exit, stored));

        Assert.True(Falco.Plugins.Syscalls.SyscallEvent.TryCreate(exit, out var evt, out string? error), error);
        Assert.Equal((EventCode.SyscallExecve19Exit, 31, 31), (evt.Code, evt.ParamCount, evt.Info.ParamCount));
        var values = new List<byte[]>();
        for (int i = 0; i < evt.ParamCount; i++)
        {
            values.Add(evt.GetParameter(i).Bytes.ToArray());
        }

        // The 16 stored, then tty, vpgid, loginuid, flags, capabilities, ... filename: none in the file, all empty.
        Assert.Equal(stored, values.Take(16));
        Assert.All(values.Skip(16), v => Assert.Empty(v));
    }

    [Fact]
    public void Without_its_enter_event_a_parameter_gets_the_default_value_or_stays_empty_as_its_rule_says()
    {
        var converter = new EventConverter();

        byte[] close = Convert(converter, Event(EventCode.SyscallCloseExit, I64(0)));
        byte[] link = Convert(converter, Event(EventCode.SyscallLinkExit, I64(0)));
        byte[] setuid = Convert(converter, Event(EventCode.SyscallSetuidExit, I64(0)));

        Assert.Equal(Event(EventCode.SyscallCloseExit, I64(0), I64(0)), close);
        Assert.Equal(Event(EventCode.SyscallLink2Exit, I64(0), [], []), link);
        Assert.Equal(Event(EventCode.SyscallSetuidExit, I64(0), []), setuid);
    }

    [Fact]
    public void Default_values_are_zero_in_the_size_of_the_type_except_for_ids_and_socket_addresses()
    {
        var converter = new EventConverter();

        // connect's enter gained addr (a sockaddr): its default is the unspecified family alone.
        byte[]? enter = Assert.IsType<byte[]>(TryConvert(converter, Event(EventCode.SocketConnectEnter, I64(3))));

        Assert.Equal(Event(EventCode.SocketConnectEnter, I64(3), [0]), enter);
        Assert.True(converter.EnterEvents.TryGet(Tid, out _));
        Assert.Equal(new byte[] { 0xff, 0xff, 0xff, 0xff }, ParamDefaults.Of(ParamType.Uid).ToArray());
        Assert.Equal(8, ParamDefaults.Of(ParamType.Errno).Length);
        Assert.Equal(0, ParamDefaults.Of(ParamType.CharBuf).Length);
    }

    [Fact]
    public void An_event_in_its_latest_version_passes_unchanged()
    {
        var converter = new EventConverter();
        byte[] latest = Event(EventCode.SyscallCloseExit, I64(0), I64(7));
        byte[] procinfo = Event(EventCode.ProcinfoEnter, U64(1), U64(2));

        Assert.Same(latest, TryConvert(converter, latest));
        Assert.Same(procinfo, TryConvert(converter, procinfo));
    }

    [Fact]
    public void An_enter_event_the_table_passes_on_is_delivered()
    {
        var converter = new EventConverter();
        byte[] open = Event(EventCode.SyscallOpenEnter, Text("/etc/passwd"), U32(0), U32(0));

        Assert.Same(open, TryConvert(converter, open));
        Assert.Equal(0, converter.EnterEvents.Count);
    }

    [Fact]
    public void An_event_the_table_has_no_rule_for_cannot_be_converted()
    {
        var converter = new EventConverter();

        Assert.False(converter.TryConvert(Event(EventCode.SyscallCloseEnter), out _, out string? error));
        Assert.Contains("PPME_SYSCALL_CLOSE_E with 0 parameters", error, StringComparison.Ordinal);
        Assert.Contains("no rule", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exit_event_that_finds_the_enter_event_of_another_syscall_cannot_be_converted()
    {
        var converter = new EventConverter();
        TryConvert(converter, Event(EventCode.SyscallReadEnter, I64(3), U32(10)));

        Assert.False(converter.TryConvert(Event(EventCode.SyscallCloseExit, I64(0)), out _, out string? error));
        Assert.Contains("PPME_SYSCALL_READ_E", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_container_event_becomes_container_json_with_the_json_built_from_its_parameters()
    {
        var converter = new EventConverter();

        byte[] converted = Convert(converter, Event(EventCode.ContainerEnter, Text("abc123"), U32(1), Text("web"), Text("nginx:1")));

        byte[] json = Encoding.UTF8.GetBytes("{\"id\":\"abc123\",\"type\":1,\"name\":\"web\",\"image\":\"nginx:1\"}\0");
        Assert.Equal(4, EventSchema.Get(EventCode.ContainerJson2Enter).LengthSize);
        Assert.Equal(LargeEvent(EventCode.ContainerJson2Enter, json), converted);
    }

    [Fact]
    public void The_table_fits_the_event_table_and_every_chain_ends()
    {
        foreach (ConversionRule rule in ConversionTable.Rules)
        {
            EventInfo source = EventSchema.Get(rule.Code);
            EventInfo target = EventSchema.Get(rule.DesiredCode);
            int count = rule.Action == ConversionAction.AddParams ? rule.ParamCount + rule.Instructions.Count : rule.Instructions.Count;
            Assert.True(count <= target.ParamCount, $"{source.EnumName}/{rule.ParamCount} makes {count} parameters of {target.EnumName}");
            Assert.All(rule.Instructions.Where(i => i.Source == ParamSource.Old), i => Assert.True(i.Index < rule.ParamCount, $"{source.EnumName}/{rule.ParamCount}"));
            Assert.All(
                rule.Instructions.Where(i => i.Source == ParamSource.Enter),
                i => Assert.True(i.Index < EventSchema.Get((EventCode)((ushort)rule.Code - 1)).ParamCount, $"{source.EnumName}/{rule.ParamCount}"));
            Assert.NotEqual(ConversionVerdict.Invalid, Outcome(rule));
        }

        // Every managed enter event in its latest layout has a rule, or reading it would fail.
        Assert.All(
            EventSchema.Events.Where(e => e.Direction == EventDirection.Enter && (e.Flags & EventFlags.ConverterManaged) != 0),
            e => Assert.True(ConversionTable.TryGet((ushort)e.Code, e.ParamCount, out _), e.EnumName));
    }

    [Fact]
    public void With_conversion_stored_enter_events_are_not_delivered_even_with_enter_events_included()
    {
        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, leaveOpen: true))
        {
            writer.WriteEvent(Stamped(1, EventCode.SyscallOpenEnter, Text("/etc/hosts"), U32(0), U32(0)));
            writer.WriteEvent(Stamped(2, EventCode.SyscallCloseEnter, I64(7)));
            writer.WriteEvent(Stamped(3, EventCode.SyscallCloseExit, I64(0)));
        }

        var withEnter = new CaptureReadOptions { IncludeSyscallEnterEvents = true };
        Assert.Equal([(ushort)EventCode.SyscallOpenEnter, (ushort)EventCode.SyscallCloseExit], Read(file, withEnter).Select(e => e.Type));
        Assert.Equal([(ushort)EventCode.SyscallCloseExit], Read(file, CaptureReadOptions.Default).Select(e => e.Type));
        Assert.Equal(3, Read(file, withEnter with { ConvertOldVersions = false }).Count);
        Assert.Equal(2u, Read(file, CaptureReadOptions.Default)[0].ParamCount);
        Assert.Equal(1u, Read(file, new CaptureReadOptions { ConvertOldVersions = false })[0].ParamCount);
    }

    [Fact]
    public void An_event_that_cannot_be_converted_stops_the_reading_where_it_is()
    {
        using var file = new MemoryStream();
        using (var writer = new CaptureFileWriter(file, leaveOpen: true))
        {
            writer.WriteEvent(Event(EventCode.SyscallCloseEnter));
        }

        CaptureFileException e = Assert.Throws<CaptureFileException>(() => Read(file, CaptureReadOptions.Default));
        Assert.Contains("cannot be converted", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Where the table leads an event matching <paramref name="rule"/>: pass or drop, never invalid.</summary>
    private static ConversionVerdict Outcome(ConversionRule rule)
    {
        (ushort code, int count) = ((ushort)rule.Code, rule.ParamCount);
        for (int i = 0; i < EventConverter.MaxConversions; i++)
        {
            ConversionVerdict verdict = ConversionCheck.Of(code, count);
            if (verdict != ConversionVerdict.Convert)
            {
                return verdict;
            }

            Assert.True(ConversionTable.TryGet(code, count, out ConversionRule? next), $"no rule for {EventSchema.Get((EventCode)code).EnumName}/{count}");
            switch (next!.Action)
            {
                case ConversionAction.Store:
                    return ConversionVerdict.Drop;
                case ConversionAction.Pass or ConversionAction.StoreAndPass:
                    return ConversionVerdict.Pass;
                case ConversionAction.AddParams:
                    count += next.Instructions.Count;
                    break;
                default:
                    (code, count) = ((ushort)next.DesiredCode, next.Instructions.Count);
                    break;
            }
        }

        return ConversionVerdict.Invalid;
    }

    private static List<CapturedEvent> Read(MemoryStream file, CaptureReadOptions options)
    {
        file.Position = 0;
        using CaptureFile capture = CaptureFile.Open(file, leaveOpen: true);
        return [.. capture.ReadEvents(options)];
    }

    /// <summary>Converts each event in turn; the last must come out, and is returned.</summary>
    private static byte[] Convert(EventConverter converter, params byte[][] events)
    {
        byte[]? last = null;
        foreach (byte[] evt in events)
        {
            last = TryConvert(converter, evt);
        }

        return Assert.IsType<byte[]>(last);
    }

    private static byte[]? TryConvert(EventConverter converter, byte[] evt)
    {
        Assert.True(converter.TryConvert(evt, out byte[]? converted, out string? error), error);
        return converted;
    }

    private static byte[] Event(EventCode code, params byte[][] parameters) => Stamped(100, code, parameters);

    private static byte[] Stamped(ulong timestamp, EventCode code, params byte[][] parameters) => EventBytes.Build((ushort)code, Tid, timestamp, parameters);

    /// <summary>An event of one parameter with a 4-byte length.</summary>
    private static byte[] LargeEvent(EventCode code, byte[] value)
    {
        byte[] bytes = new byte[26 + 4 + value.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 100);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), Tid);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), (ushort)code);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(26), (uint)value.Length);
        value.CopyTo(bytes, 30);
        return bytes;
    }

    private static byte[] I64(long value) => BitConverter.GetBytes(value);

    private static byte[] U64(ulong value) => BitConverter.GetBytes(value);

    private static byte[] U32(uint value) => BitConverter.GetBytes(value);

    private static byte[] Text(string value) => Encoding.UTF8.GetBytes(value + "\0");
}

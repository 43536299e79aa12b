using System;
using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Syscalls.Rendering;
using Falco.Plugins.Testing.Tests.Infrastructure;
using Xunit.Abstractions;
using SyscallEvent = Falco.Plugins.Syscalls.SyscallEvent;

namespace Falco.Plugins.Testing.Tests;

/// <summary>
/// Every event of the shared captures decodes with the SDK's syscall event model: the generic
/// view accepts it, so does the typed view of its code (found through the event schema), every
/// parameter it carries reads with the getter of its type, and it renders with no invalid
/// value. Both as stored (old versions, syscall enter events included) and as libscap converts
/// them (the latest version of each code, with all its parameters).
/// </summary>
public sealed class CaptureDecodingTests(ITestOutputHelper output)
{
    private static readonly CaptureReadOptions AsStored = new() { IncludeSyscallEnterEvents = true, ConvertOldVersions = false };

    public static TheoryData<string, int, int> StoredCaptures => new()
    {
        // Events, and the parameters they carry with a value.
        { "single_ipv6_conn.scap", 1728, 3450 },
        { "test_ipv6_client.scap", 326, 696 },
    };

    public static TheoryData<string, int, int> ConvertedCaptures => new()
    {
        // libsinsp's event counts, and the parameters the events carry with a value.
        { "single_ipv6_conn.scap", 1714, 3453 },
        { "test_ipv6_client.scap", 293, 691 },
    };

    [Theory]
    [MemberData(nameof(StoredCaptures))]
    public void Every_stored_event_decodes_through_the_generic_and_the_typed_view_and_renders(string name, int events, int values)
    {
        (int decoded, int read, _) = DecodeAll(name, AsStored);

        Assert.Equal(events, decoded);
        Assert.Equal(values, read);
    }

    [Theory]
    [MemberData(nameof(ConvertedCaptures))]
    public void Every_converted_event_is_the_latest_version_with_every_parameter_and_decodes(string name, int events, int values)
    {
        (int decoded, int read, List<CapturedEvent> all) = DecodeAll(name, CaptureReadOptions.Default);

        Assert.Equal(events, decoded);
        Assert.Equal(values, read);
        Assert.All(all, e =>
        {
            EventInfo info = EventSchema.Get((EventCode)e.Type);
            Assert.True((info.Flags & EventFlags.OldVersion) == 0, $"#{e.Number} is {info.EnumName}, an old version");
            // Codes the converter does not manage (procexit) keep the parameters they were stored with, as in libscap.
            bool managed = (info.Flags & EventFlags.ConverterManaged) != 0;
            Assert.True(!managed || info.ParamCount == (int)e.ParamCount, $"#{e.Number} {info.EnumName} carries {e.ParamCount} of its {info.ParamCount} parameters");
        });
        Assert.Contains(all, e => (EventSchema.Get((EventCode)e.Type).Flags & EventFlags.ConverterManaged) != 0);
    }

    [Fact]
    public void Stored_events_of_older_versions_decode_with_the_parameters_they_carry()
    {
        // The nc server's socket exit carries the one parameter of its version; the table has five.
        CapturedEvent socket = CaptureFile.ReadAllEvents(SharedData.SingleIpv6Conn, AsStored).First(e => e.Type == 19);
        Assert.True(SyscallEvent.TryCreate(socket.Bytes.Span, out SyscallEvent evt, out string? error), error);

        Assert.Equal((1, 5), (evt.ParamCount, evt.Info.ParamCount));
        Assert.Equal("socket fd=3 domain=<NA> type=<NA> proto=<NA> flags=<NA>", evt.ToString());
    }

    [Fact]
    public void Converted_events_take_the_parameters_their_version_lacks_from_their_enter_event()
    {
        // The same socket exit: domain, type and proto come from its enter event; flags, which no enter event has, is empty.
        CapturedEvent socket = CaptureFile.ReadAllEvents(SharedData.SingleIpv6Conn).First(e => e.Type == 19);
        Assert.True(SyscallEvent.TryCreate(socket.Bytes.Span, out SyscallEvent evt, out string? error), error);

        Assert.Equal((5, 5), (evt.ParamCount, evt.Info.ParamCount));
        Assert.Equal("socket fd=3 domain=10(AF_INET6) type=1 proto=6 flags=NULL", evt.ToString());
    }

    private (int Decoded, int Read, List<CapturedEvent> Events) DecodeAll(string name, CaptureReadOptions options)
    {
        var failures = new List<string>();
        var codes = new SortedSet<EventCode>();
        int decoded = 0;
        int read = 0;
        var events = CaptureFile.ReadAllEvents(SharedData.File("captures", name), options).ToList();
        foreach (CapturedEvent evt in events)
        {
            int before = failures.Count;
            read += Decode(evt, failures);
            codes.Add((EventCode)evt.Type);
            decoded += failures.Count == before ? 1 : 0;
        }

        output.WriteLine($"{name}: {decoded} of {events.Count} events decoded, {read} parameter values read, {codes.Count} codes: {string.Join(", ", codes.Select(c => EventSchema.Get(c).EnumName))}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
        return (decoded, read, events);
    }

    /// <summary>Decodes one event, adding what goes wrong to <paramref name="failures"/>; returns how many parameter values it read.</summary>
    private static int Decode(CapturedEvent captured, List<string> failures)
    {
        string subject = $"#{captured.Number} (code {captured.Type})";
        if (!SyscallEvent.TryCreate(captured.Bytes.Span, out SyscallEvent evt, out string? error))
        {
            failures.Add($"{subject}: {error}");
            return 0;
        }

        EventCode code = evt.Code;
        string view = evt.Info.TypeName;
        int typedParamCount = -1;
        EventViews.With(captured.Bytes, eventView =>
        {
            if (!TypedViews.TryRead(code, eventView, out string? typedError, out typedParamCount))
            {
                failures.Add($"{subject}: {view}.TryRead: {typedError}");
            }
        });

        if (typedParamCount != evt.ParamCount)
        {
            failures.Add($"{subject}: {view} reads {typedParamCount} parameters, the generic view {evt.ParamCount}");
        }

        int read = 0;
        for (int i = 0; i < evt.ParamCount; i++)
        {
            SyscallParameter parameter = evt.GetParameter(i);
            if (!parameter.IsPresent)
            {
                continue;
            }

            if (ParameterGetters.TryRead(parameter, parameter.Info!.Type))
            {
                read++;
            }
            else
            {
                failures.Add($"{subject}: {evt.Info.EnumName} parameter {parameter.Info.Name} ({parameter.Info.Type}, {parameter.Bytes.Length} bytes) does not read");
            }
        }

        string text = EventRenderer.Format(evt);
        if (text.Contains("<invalid>", StringComparison.Ordinal))
        {
            failures.Add($"{subject}: renders as {text}");
        }

        return read;
    }
}

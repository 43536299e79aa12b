using System;
using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Syscalls.Rendering;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>
/// Every code of the table renders, from well-formed values of every parameter type and from
/// arbitrary bytes, without an exception: well-formed values never render as invalid, and a
/// destination one character too short is refused without a partial result.
/// </summary>
public sealed class RenderingCoverageTests
{
    private const int Seeds = 6;

    [Fact]
    public void Every_code_renders_its_well_formed_values_with_every_parameter_named()
    {
        var failures = new List<string>();
        int rendered = 0;
        foreach (EventInfo info in EventSchema.Events)
        {
            for (int seed = 0; seed < Seeds; seed++)
            {
                byte[] bytes = new RenderingValues(seed).WellFormed(info);
                string text = RenderOrDescribe(bytes, info, seed, failures);
                if (text.Length == 0)
                {
                    continue;
                }

                rendered++;
                string expectedStart = info.ParamCount == 0 ? info.Name : info.Name + " " + info.Parameters[0].Name + "=";
                if (!text.StartsWith(expectedStart, StringComparison.Ordinal))
                {
                    failures.Add($"{info.EnumName} seed {seed}: starts as {text[..Math.Min(60, text.Length)]}");
                }

                foreach (ParamInfo p in info.Parameters.Where(p => !text.Contains(" " + p.Name + "=", StringComparison.Ordinal)))
                {
                    failures.Add($"{info.EnumName} seed {seed}: no {p.Name}= in {text}");
                }

                if (text.Contains(ParameterText.Invalid, StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
                {
                    failures.Add($"{info.EnumName} seed {seed}: {text}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
        Assert.Equal(Seeds * EventSchema.Count, rendered);
    }

    [Fact]
    public void Every_code_renders_arbitrary_bytes_without_throwing()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < 20; seed++)
        {
            var values = new RenderingValues(seed);
            foreach (EventInfo info in EventSchema.Events)
            {
                RenderOrDescribe(values.Arbitrary(info), info, seed, failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public void Too_short_a_destination_is_refused_for_every_code()
    {
        var failures = new List<string>();
        foreach (EventInfo info in EventSchema.Events)
        {
            byte[] bytes = new RenderingValues(2).WellFormed(info);
            Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt, out string? error), error);
            int length = EventRenderer.Format(evt).Length;
            char[] destination = new char[length + 8];

            destination.AsSpan().Fill('#');
            if (EventRenderer.TryFormat(evt, destination.AsSpan(0, length - 1), out int written) || written != 0)
            {
                failures.Add($"{info.EnumName}: {length - 1} characters accepted ({written} written)");
            }

            if (destination[length - 1] != '#')
            {
                failures.Add($"{info.EnumName}: wrote past the destination");
            }

            if (!EventRenderer.TryFormat(evt, destination.AsSpan(0, length), out written) || written != length)
            {
                failures.Add($"{info.EnumName}: {length} characters refused");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public void Every_shorter_destination_is_refused()
    {
        byte[] bytes = SyscallOpenat2Exit.Encode(1, 2, 3, -100, "/etc/passwd"u8, 4097, 0, 0x803, 1234);
        Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt));
        string expected = evt.ToString();
        Span<char> destination = stackalloc char[expected.Length];

        for (int length = 0; length < expected.Length; length++)
        {
            Assert.False(evt.TryFormat(destination.Slice(0, length), out int written));
            Assert.Equal(0, written);
            Assert.False(EventRenderer.TryFormatArguments(evt, destination.Slice(0, Math.Max(0, length - 7)), out written));
            Assert.Equal(0, written);
        }

        Assert.True(evt.TryFormat(destination, out int all));
        Assert.Equal(expected, new string(destination.Slice(0, all)));
    }

    private static string RenderOrDescribe(byte[] bytes, EventInfo info, int seed, List<string> failures)
    {
        if (!SyscallEvent.TryCreate(bytes, out SyscallEvent evt, out string? error))
        {
            failures.Add($"{info.EnumName} seed {seed}: not created: {error}");
            return string.Empty;
        }

        try
        {
            return EventRenderer.Format(evt);
        }
        catch (Exception e)
        {
            failures.Add($"{info.EnumName} seed {seed}: {e.GetType().Name}: {e.Message}");
            return string.Empty;
        }
    }
}

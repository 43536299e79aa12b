using System;
using System.Buffers.Binary;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>
/// Stand-ins for the SDK's typed syscall event views, with the same public shape (a ref struct
/// of Falco.Plugins.Syscalls with a <c>Code</c> constant and two <c>TryRead</c> overloads), and
/// the events they read.
/// </summary>
internal static class TypedEventViews
{
    public const ushort OpenCode = 3;
    public const ushort CloseCode = 5;
    public const ushort ReadCode = 7;

    /// <summary>The usings of <see cref="Snippets.Usings"/> plus the views' namespace.</summary>
    public const string Usings = Snippets.Usings + "using Falco.Plugins.Syscalls;\n\n";

    /// <summary>Runs the generator on a plugin snippet (starting with <see cref="Usings"/>) compiled with the views.</summary>
    public static GeneratorRun Run(string plugin) => GeneratorHarness.Run(GeneratorHarness.Compile(plugin, Source));

    /// <summary>
    /// The views, as a second source file of a snippet compilation. Each reads an event with
    /// one 8-byte parameter (2-byte parameter lengths, as most syscall events have).
    /// </summary>
    public const string Source = """
        using System;
        using System.Buffers.Binary;

        namespace Falco.Plugins.Syscalls
        {
            internal static class StandInLayout
            {
                public static bool TryReadValue(Falco.Plugins.EventView evt, ushort code, out long value, out string? error)
                {
                    value = 0;
                    ReadOnlySpan<byte> raw = evt.Raw;
                    if (evt.Type != code)
                    {
                        error = $"the event code is {evt.Type}, not {code}";
                        return false;
                    }

                    if (evt.ParamCount != 1 || raw.Length < 36 || BinaryPrimitives.ReadUInt16LittleEndian(raw.Slice(26)) != 8)
                    {
                        error = $"expected one 8-byte parameter, the event has {evt.ParamCount} parameter(s) in {raw.Length} bytes";
                        return false;
                    }

                    value = BinaryPrimitives.ReadInt64LittleEndian(raw.Slice(28));
                    error = null;
                    return true;
                }
            }

            public readonly ref struct StandInOpenExit
            {
                public const ushort Code = 3;
                public ReadOnlySpan<byte> Raw { get; }

                private StandInOpenExit(ReadOnlySpan<byte> raw, long fd)
                {
                    Raw = raw;
                    Fd = fd;
                }

                public long Fd { get; }

                public static bool TryRead(Falco.Plugins.EventView evt, out StandInOpenExit view) => TryRead(evt, out view, out _);

                public static bool TryRead(Falco.Plugins.EventView evt, out StandInOpenExit view, out string? error)
                {
                    bool ok = StandInLayout.TryReadValue(evt, Code, out long value, out error);
                    view = ok ? new StandInOpenExit(evt.Raw, value) : default;
                    return ok;
                }
            }

            public readonly ref struct StandInCloseExit
            {
                public const ushort Code = 5;
                public ReadOnlySpan<byte> Raw { get; }

                private StandInCloseExit(ReadOnlySpan<byte> raw, long res)
                {
                    Raw = raw;
                    Res = res;
                }

                public long Res { get; }

                public static bool TryRead(Falco.Plugins.EventView evt, out StandInCloseExit view) => TryRead(evt, out view, out _);

                public static bool TryRead(Falco.Plugins.EventView evt, out StandInCloseExit view, out string? error)
                {
                    bool ok = StandInLayout.TryReadValue(evt, Code, out long value, out error);
                    view = ok ? new StandInCloseExit(evt.Raw, value) : default;
                    return ok;
                }
            }

            public readonly ref struct StandInReadExit
            {
                public const ushort Code = 7;
                public ReadOnlySpan<byte> Raw { get; }

                private StandInReadExit(ReadOnlySpan<byte> raw, long size)
                {
                    Raw = raw;
                    Size = size;
                }

                public long Size { get; }

                public static bool TryRead(Falco.Plugins.EventView evt, out StandInReadExit view) => TryRead(evt, out view, out _);

                public static bool TryRead(Falco.Plugins.EventView evt, out StandInReadExit view, out string? error)
                {
                    bool ok = StandInLayout.TryReadValue(evt, Code, out long value, out error);
                    view = ok ? new StandInReadExit(evt.Raw, value) : default;
                    return ok;
                }
            }

            /// <summary>Has the namespace but not the shape: no Code constant.</summary>
            public readonly ref struct StandInWithoutCode
            {
            }
        }
        """;

    /// <summary>An event of <paramref name="code"/> with one 8-byte parameter, as the views read it.</summary>
    public static byte[] Event(ushort code, long value, ulong tid = 42)
    {
        byte[] bytes = new byte[26 + 2 + 8];
        Header(bytes, code, tid, nparams: 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), 8);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(28), value);
        return bytes;
    }

    /// <summary>An event of <paramref name="code"/> without parameters: malformed for the views.</summary>
    public static byte[] EmptyEvent(ushort code)
    {
        byte[] bytes = new byte[26];
        Header(bytes, code, tid: 42, nparams: 0);
        return bytes;
    }

    /// <summary>A plugin event (code 322) with the given payload.</summary>
    public static byte[] PluginEvent(uint pluginId, ReadOnlySpan<byte> payload)
    {
        byte[] bytes = new byte[38 + payload.Length];
        Header(bytes, 322, ulong.MaxValue, nparams: 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(26), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(30), (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(34), pluginId);
        payload.CopyTo(bytes.AsSpan(38));
        return bytes;
    }

    private static void Header(Span<byte> bytes, ushort code, ulong tid, uint nparams)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1_700_000_000_000_000_000);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(8), tid);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(16), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.Slice(20), code);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(22), nparams);
    }
}

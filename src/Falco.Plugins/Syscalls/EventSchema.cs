using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// The libscap event table the syscall event model is generated from: one <see cref="EventInfo"/>
/// per event code, built once on first use. It drives generic decoding
/// (<see cref="SyscallEvent.TryCreate(EventView, out SyscallEvent, out string?)"/>) and rendering;
/// the typed views do not need it.
/// </summary>
public static partial class EventSchema
{
    private static readonly EventInfo[] All = CreateEvents();

    /// <summary>The number of event codes: codes run from 0 to <c>Count - 1</c>.</summary>
    public static int Count => All.Length;

    /// <summary>Every event code, in code order.</summary>
    public static IReadOnlyList<EventInfo> Events => All;

    /// <summary>The description of <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not in the table.</exception>
    public static EventInfo Get(EventCode code) =>
        TryGet((ushort)code, out EventInfo? info) ? info : throw new ArgumentOutOfRangeException(nameof(code), (ushort)code, "The code is not in the event table.");

    /// <summary>The description of <paramref name="code"/>.</summary>
    /// <returns><see langword="false"/> when the code is not in the table.</returns>
    public static bool TryGet(ushort code, [NotNullWhen(true)] out EventInfo? info)
    {
        EventInfo[] all = All;
        if (code < all.Length)
        {
            info = all[code];
            return true;
        }

        info = null;
        return false;
    }
}

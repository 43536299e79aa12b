using System;
using System.Collections.Generic;

namespace Falco.Plugins.Syscalls;

/// <summary>One event code of the libscap event table (<c>ppm_event_info</c>).</summary>
public sealed class EventInfo
{
    private readonly ParamInfo[] _parameters;

    /// <summary>Creates the description of an event code.</summary>
    /// <param name="code">The event code.</param>
    /// <param name="name">The event name, e.g. <c>openat</c> (<c>NA</c> for unused codes).</param>
    /// <param name="enumName">The libscap enum name, e.g. <c>PPME_SYSCALL_OPENAT_2_X</c>.</param>
    /// <param name="typeName">The name of the typed view of the code, e.g. <c>SyscallOpenat2Exit</c>.</param>
    /// <param name="category">What the event is about.</param>
    /// <param name="origin">Where the event comes from.</param>
    /// <param name="flags">Properties of the code.</param>
    /// <param name="parameters">The parameters in event order.</param>
    public EventInfo(EventCode code, string name, string enumName, string typeName, EventCategory category, EventOrigin origin, EventFlags flags, params ParamInfo[] parameters)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(enumName);
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(parameters);
        Code = code;
        Name = name;
        EnumName = enumName;
        TypeName = typeName;
        Category = category;
        Origin = origin;
        Flags = flags;
        _parameters = (ParamInfo[])parameters.Clone();
    }

    /// <summary>The event code.</summary>
    public EventCode Code { get; }

    /// <summary>The event name, e.g. <c>openat</c> (<c>NA</c> for unused codes).</summary>
    public string Name { get; }

    /// <summary>The libscap enum name, e.g. <c>PPME_SYSCALL_OPENAT_2_X</c>.</summary>
    public string EnumName { get; }

    /// <summary>The name of the typed view of the code in this namespace, e.g. <c>SyscallOpenat2Exit</c>; also its <see cref="EventCode"/> member.</summary>
    public string TypeName { get; }

    /// <summary>Enter (even codes) or exit (odd codes).</summary>
    public EventDirection Direction => ((ushort)Code & 1) == 0 ? EventDirection.Enter : EventDirection.Exit;

    /// <summary>What the event is about.</summary>
    public EventCategory Category { get; }

    /// <summary>Where the event comes from.</summary>
    public EventOrigin Origin { get; }

    /// <summary>Properties of the code.</summary>
    public EventFlags Flags { get; }

    /// <summary>Whether parameter lengths take 4 bytes (<see cref="EventFlags.LargePayload"/>) rather than 2.</summary>
    public bool HasLargePayload => (Flags & EventFlags.LargePayload) != 0;

    /// <summary>The size in bytes of each entry of the parameter length table: 2, or 4 with <see cref="HasLargePayload"/>.</summary>
    public int LengthSize => HasLargePayload ? 4 : 2;

    /// <summary>The parameters in event order.</summary>
    public IReadOnlyList<ParamInfo> Parameters => _parameters;

    /// <summary>The number of parameters in the table (events in old captures may carry fewer).</summary>
    public int ParamCount => _parameters.Length;

    internal ReadOnlySpan<ParamInfo> ParameterSpan => _parameters;

    /// <inheritdoc />
    public override string ToString() => $"{EnumName} ({(ushort)Code})";
}

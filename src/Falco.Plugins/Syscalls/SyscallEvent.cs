using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Falco.Plugins.Syscalls.Rendering;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// A validated, zero-copy view over an event of the libscap event table: its header and its
/// parameters as bytes. Creating one checks the layout once (the header, <c>len</c>, the
/// parameter count against the table, the length table and that the lengths add up to
/// <c>len</c>); reading a parameter afterwards only locates it. The typed views
/// (<see cref="SyscallOpenat2Exit"/>, ...) wrap one.
/// </summary>
/// <remarks>
/// Events in old captures may carry fewer parameters than the table: the missing ones read as
/// absent. An event never carries more.
/// </remarks>
public readonly ref struct SyscallEvent
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _paramCount;
    private readonly int _lengthSize;

    private SyscallEvent(ReadOnlySpan<byte> bytes, int paramCount, int lengthSize)
    {
        _bytes = bytes;
        _paramCount = paramCount;
        _lengthSize = lengthSize;
    }

    /// <summary>The event code (0 for a default view).</summary>
    public EventCode Code => _bytes.Length < EventLayout.HeaderSize ? default : (EventCode)BinaryPrimitives.ReadUInt16LittleEndian(_bytes.Slice(20));

    /// <summary>The timestamp in nanoseconds since the epoch (0 for a default view).</summary>
    public ulong Timestamp => _bytes.Length < EventLayout.HeaderSize ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(_bytes);

    /// <summary>The thread id (0 for a default view).</summary>
    public ulong ThreadId => _bytes.Length < EventLayout.HeaderSize ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(_bytes.Slice(8));

    /// <summary>The number of parameters the event carries: at most the table's count, fewer in old captures.</summary>
    public int ParamCount => _paramCount;

    /// <summary>The size of each entry of the length table: 2, or 4 for <see cref="EventFlags.LargePayload"/> codes.</summary>
    public int LengthSize => _lengthSize;

    /// <summary>The whole event (<c>len</c> bytes), header included.</summary>
    public ReadOnlySpan<byte> Raw => _bytes;

    /// <summary>The description of the event's code in <see cref="EventSchema"/>.</summary>
    public EventInfo Info => EventSchema.Get(Code);

    /// <summary>
    /// Creates a view over <paramref name="evt"/> for whatever code it has, using
    /// <see cref="EventSchema"/> for the code's parameter count and length size.
    /// </summary>
    /// <returns><see langword="false"/> when the code is not in the table or the event is malformed.</returns>
    public static bool TryCreate(EventView evt, out SyscallEvent view) => TryCreate(evt, out view, out _);

    /// <inheritdoc cref="TryCreate(EventView, out SyscallEvent)"/>
    /// <param name="evt">The event.</param>
    /// <param name="view">The view, or default.</param>
    /// <param name="error">Why the event was rejected, naming the event and the problem; <see langword="null"/> on success.</param>
    public static bool TryCreate(EventView evt, out SyscallEvent view, out string? error) => TryCreate(evt.Raw, out view, out error);

    /// <summary>
    /// Creates a view over the event at the start of <paramref name="evt"/> (an event copied out
    /// of a capture or a buffer) for whatever code it has, as the <see cref="EventView"/>
    /// overload does; bytes after the event's <c>len</c> are not part of the view.
    /// </summary>
    /// <returns><see langword="false"/> when the code is not in the table or the event is malformed.</returns>
    public static bool TryCreate(ReadOnlySpan<byte> evt, out SyscallEvent view) => TryCreate(evt, out view, out _);

    /// <inheritdoc cref="TryCreate(ReadOnlySpan{byte}, out SyscallEvent)"/>
    /// <param name="evt">The event's bytes.</param>
    /// <param name="view">The view, or default.</param>
    /// <param name="error">Why the event was rejected, naming the event and the problem; <see langword="null"/> on success.</param>
    public static bool TryCreate(ReadOnlySpan<byte> evt, out SyscallEvent view, out string? error)
    {
        if (evt.Length >= EventLayout.HeaderSize)
        {
            ushort code = BinaryPrimitives.ReadUInt16LittleEndian(evt.Slice(20));
            if (EventSchema.TryGet(code, out EventInfo? info))
            {
                return TryCreate(evt, code, info.ParamCount, info.LengthSize, info.EnumName, out view, out error);
            }

            view = default;
            error = EventLayout.Describe(EventLayoutProblem.UnknownCode, evt, code, string.Empty, 0, 0);
            return false;
        }

        view = default;
        error = EventLayout.Describe(EventLayoutProblem.ShorterThanHeader, evt, 0, string.Empty, 0, 0);
        return false;
    }

    /// <summary>The check behind the typed views' <c>TryRead</c>: the code and its table facts are constants there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryCreate(EventView evt, ushort code, int tableParamCount, int lengthSize, out SyscallEvent view)
    {
        EventLayoutProblem problem = EventLayout.Check(evt.Raw, code, tableParamCount, lengthSize, out ReadOnlySpan<byte> bytes, out int paramCount);
        view = new SyscallEvent(bytes, paramCount, lengthSize);
        return problem == EventLayoutProblem.None;
    }

    /// <summary>As <see cref="TryCreate(EventView, ushort, int, int, out SyscallEvent)"/>, with a message on failure.</summary>
    internal static bool TryCreate(EventView evt, ushort code, int tableParamCount, int lengthSize, string enumName, out SyscallEvent view, out string? error) =>
        TryCreate(evt.Raw, code, tableParamCount, lengthSize, enumName, out view, out error);

    private static bool TryCreate(ReadOnlySpan<byte> raw, ushort code, int tableParamCount, int lengthSize, string enumName, out SyscallEvent view, out string? error)
    {
        EventLayoutProblem problem = EventLayout.Check(raw, code, tableParamCount, lengthSize, out ReadOnlySpan<byte> bytes, out int paramCount);
        view = new SyscallEvent(bytes, paramCount, lengthSize);
        error = problem == EventLayoutProblem.None ? null : EventLayout.Describe(problem, raw, code, enumName, tableParamCount, lengthSize);
        return problem == EventLayoutProblem.None;
    }

    /// <summary>
    /// The bytes of parameter <paramref name="index"/>; empty when the event does not carry it
    /// (beyond <see cref="ParamCount"/>) or carries it with length 0.
    /// </summary>
    public ReadOnlySpan<byte> GetParameterBytes(int index)
    {
        if ((uint)index >= (uint)_paramCount)
        {
            return default;
        }

        // The layout was validated: every entry of the length table and every prefix sum lies
        // within the event. Slice still checks, so that nothing reads outside it whatever happens.
        ref byte start = ref MemoryMarshal.GetReference(_bytes);
        int offset = EventLayout.HeaderSize + (_paramCount * _lengthSize);
        int length;
        if (_lengthSize == 2)
        {
            for (int i = 0; i < index; i++)
            {
                offset += EventLayout.ReadUInt16(ref start, EventLayout.HeaderSize + (2 * i));
            }

            length = EventLayout.ReadUInt16(ref start, EventLayout.HeaderSize + (2 * index));
        }
        else
        {
            for (int i = 0; i < index; i++)
            {
                offset += (int)EventLayout.ReadUInt32(ref start, EventLayout.HeaderSize + (4 * i));
            }

            length = (int)EventLayout.ReadUInt32(ref start, EventLayout.HeaderSize + (4 * index));
        }

        return _bytes.Slice(offset, length);
    }

    /// <summary>
    /// Writes the event's type and arguments as libsinsp prints them, e.g.
    /// <c>close fd=3 res=0</c>, without allocating; see <see cref="EventRenderer"/> for the
    /// format, for the arguments alone and for names from state.
    /// </summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) => EventRenderer.TryFormat(this, destination, out charsWritten);

    /// <summary>The event's type and arguments as libsinsp prints them (allocates; for logs and debugging).</summary>
    public override string ToString() => EventRenderer.Format(this);

    /// <summary>Parameter <paramref name="index"/> with its description from <see cref="Info"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The table defines fewer parameters for this code.</exception>
    public SyscallParameter GetParameter(int index)
    {
        EventInfo info = Info;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, info.ParamCount);
        return new SyscallParameter(info.ParameterSpan[index], GetParameterBytes(index));
    }
}

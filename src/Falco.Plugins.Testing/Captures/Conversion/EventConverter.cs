using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>
/// Converts the events of a capture as libscap's savefile engine does before anyone sees them:
/// each event read goes through the eligibility rules (<see cref="ConversionCheck"/>), and
/// while they ask for a conversion, through the rule of <see cref="ConversionTable"/> for its
/// code and parameter count. Old versions come out as the latest version of their code, with
/// every parameter the event table gives; enter events are stored for their exit event and,
/// for most codes, dropped. One converter reads one capture: it keeps each thread's enter event.
/// </summary>
internal sealed class EventConverter
{
    /// <summary>libscap's bound on the conversions of one event, which stops a table that loops.</summary>
    public const int MaxConversions = 50;

    private readonly EnterEventStore _enterEvents = new();

    /// <summary>The enter events stored, by thread.</summary>
    public EnterEventStore EnterEvents => _enterEvents;

    /// <summary>Converts <paramref name="evt"/>, an event in the current layout.</summary>
    /// <param name="evt">The event as read; the converter may keep it.</param>
    /// <param name="converted">The event to deliver, or null when the converter drops it.</param>
    /// <param name="error">Why the event cannot be converted (libscap stops reading there).</param>
    public bool TryConvert(byte[] evt, out byte[]? converted, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(evt);
        converted = null;
        RawEvent current = new(evt);
        for (int conversions = 0; ; conversions++)
        {
            switch (ConversionCheck.Of(current.Type, current.ParamCount))
            {
                case ConversionVerdict.Pass:
                    converted = current.Bytes;
                    error = null;
                    return true;
                case ConversionVerdict.Drop:
                    error = null;
                    return true;
                case ConversionVerdict.Invalid:
                    error = Describe(current, "is an old exit version the converter does not manage, or carries more parameters than its code has");
                    return false;
            }

            if (conversions == MaxConversions)
            {
                error = Describe(current, string.Create(CultureInfo.InvariantCulture, $"still needs converting after {MaxConversions} conversions"));
                return false;
            }

            if (!current.IsWellFormed())
            {
                error = Describe(current, "has parameter lengths that do not add up to its length");
                return false;
            }

            if (!ConversionTable.TryGet(current.Type, current.ParamCount, out ConversionRule? rule))
            {
                error = Describe(current, "needs converting, but the conversion table has no rule for its code and parameter count");
                return false;
            }

            switch (rule!.Action)
            {
                case ConversionAction.Pass:
                    converted = current.Bytes;
                    error = null;
                    return true;
                case ConversionAction.Store:
                    _enterEvents.Store(current);
                    error = null;
                    return true;
                case ConversionAction.StoreAndPass:
                    // The delivered event belongs to its reader: keep a copy of it.
                    _enterEvents.Store(new RawEvent(current.Bytes.AsSpan().ToArray()));
                    converted = current.Bytes;
                    error = null;
                    return true;
            }

            if (!TryApply(current, rule, out byte[]? next, out error))
            {
                return false;
            }

            current = new RawEvent(next);
        }
    }

    /// <summary>Builds the event <paramref name="rule"/> makes of <paramref name="old"/> (adding parameters or changing its code).</summary>
    private bool TryApply(RawEvent old, ConversionRule rule, [NotNullWhen(true)] out byte[]? converted, [NotNullWhen(false)] out string? error)
    {
        converted = null;
        EventInfo target = EventSchema.Get(rule.DesiredCode);
        int kept = rule.Action == ConversionAction.AddParams ? old.ParamCount : 0;
        int count = kept + rule.Instructions.Count;
        if (count > target.ParamCount)
        {
            error = Describe(old, string.Create(CultureInfo.InvariantCulture, $"would get {count} parameters, more than the {target.ParamCount} of {target.EnumName}"));
            return false;
        }

        var values = new ReadOnlyMemory<byte>[count];
        for (int i = 0; i < kept; i++)
        {
            values[i] = old.ParamMemory(i);
        }

        bool usedEnterEvent = false;
        for (int i = 0; i < rule.Instructions.Count; i++)
        {
            ParamInfo param = target.Parameters[kept + i];
            if (!TryFill(old, rule, rule.Instructions[i], param, target, ref usedEnterEvent, out values[kept + i], out error))
            {
                return false;
            }
        }

        if (usedEnterEvent)
        {
            _enterEvents.Remove(old.ThreadId);
        }

        converted = Write(old, target, values);
        error = null;
        return true;
    }

    /// <summary>The value of one parameter of the converted event.</summary>
    private bool TryFill(
        RawEvent old,
        ConversionRule rule,
        ConversionInstruction instruction,
        ParamInfo param,
        EventInfo target,
        ref bool usedEnterEvent,
        out ReadOnlyMemory<byte> value,
        [NotNullWhen(false)] out string? error)
    {
        value = ReadOnlyMemory<byte>.Empty;
        error = null;
        switch (instruction.Source)
        {
            case ParamSource.Empty:
                return true;
            case ParamSource.Default:
                value = ParamDefaults.Of(param.Type);
                return true;
            case ParamSource.Old:
                if (instruction.Index >= old.ParamCount)
                {
                    error = Describe(old, string.Create(CultureInfo.InvariantCulture, $"has no parameter {instruction.Index} to copy"));
                    return false;
                }

                value = Capped(old.ParamMemory(instruction.Index), param, target);
                return true;
            case ParamSource.Enter:
                return TryFillFromEnter(old, instruction, param, target, ref usedEnterEvent, out value, out error);
            case ParamSource.Builder:
                byte[]? built = instruction.Builder?.Invoke(old);
                if (built is null || built.Length > MaxLength(param, target))
                {
                    error = Describe(old, $"cannot give {target.EnumName} its {param.Name} parameter");
                    return false;
                }

                value = built;
                return true;
            default:
                error = Describe(old, $"has a rule ({rule.Code}) with an unknown instruction");
                return false;
        }
    }

    private bool TryFillFromEnter(
        RawEvent old,
        ConversionInstruction instruction,
        ParamInfo param,
        EventInfo target,
        ref bool usedEnterEvent,
        out ReadOnlyMemory<byte> value,
        [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (!_enterEvents.TryGet(old.ThreadId, out RawEvent enter))
        {
            // The capture dropped the enter event, or an earlier conversion of this event used it.
            value = instruction.FallbackToEmpty ? ReadOnlyMemory<byte>.Empty : ParamDefaults.Of(param.Type);
            return true;
        }

        value = ReadOnlyMemory<byte>.Empty;
        if (enter.Type != old.Type - 1)
        {
            error = Describe(old, $"finds the enter event of another syscall stored for its thread ({Name(enter.Type)})");
            return false;
        }

        if (instruction.Index >= enter.ParamCount)
        {
            error = Describe(old, string.Create(CultureInfo.InvariantCulture, $"wants parameter {instruction.Index} of its enter event, which carries {enter.ParamCount}"));
            return false;
        }

        usedEnterEvent = true;
        value = Capped(enter.ParamMemory(instruction.Index), param, target);
        return true;
    }

    /// <summary>A value cut to what the parameter can hold (a wider old type loses its high bytes, as in libscap).</summary>
    private static ReadOnlyMemory<byte> Capped(ReadOnlyMemory<byte> value, ParamInfo param, EventInfo target)
    {
        long max = MaxLength(param, target);
        return value.Length > max ? value[..(int)max] : value;
    }

    private static long MaxLength(ParamInfo param, EventInfo target) =>
        param.FixedSize > 0 ? param.FixedSize : target.HasLargePayload ? uint.MaxValue : ushort.MaxValue;

    /// <summary>The converted event: the header of <paramref name="old"/> with the code, count and length of the new one.</summary>
    private static byte[] Write(RawEvent old, EventInfo target, ReadOnlyMemory<byte>[] values)
    {
        int lengthSize = target.LengthSize;
        long length = EventBlockReader.HeaderSize + ((long)values.Length * lengthSize);
        foreach (ReadOnlyMemory<byte> value in values)
        {
            length += value.Length;
        }

        byte[] bytes = new byte[length];
        old.Bytes.AsSpan(0, RawEvent.LengthOffset).CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(RawEvent.LengthOffset), (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(RawEvent.TypeOffset), (ushort)target.Code);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(RawEvent.ParamCountOffset), (uint)values.Length);
        int lengthAt = EventBlockReader.HeaderSize;
        int valueAt = lengthAt + (values.Length * lengthSize);
        foreach (ReadOnlyMemory<byte> value in values)
        {
            if (lengthSize == sizeof(uint))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(lengthAt), (uint)value.Length);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(lengthAt), (ushort)value.Length);
            }

            lengthAt += lengthSize;
            value.Span.CopyTo(bytes.AsSpan(valueAt));
            valueAt += value.Length;
        }

        return bytes;
    }

    private static string Describe(RawEvent evt, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"event {Name(evt.Type)} with {evt.ParamCount} parameters (thread {evt.ThreadId}) {problem}");

    private static string Name(ushort code) =>
        EventSchema.TryGet(code, out EventInfo? info) ? info.EnumName : code.ToString(CultureInfo.InvariantCulture);
}

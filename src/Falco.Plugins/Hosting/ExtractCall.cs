using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Extract;

namespace Falco.Plugins.Hosting;

/// <summary>
/// One extract_fields call as the generated export sees it: the requested fields, their
/// arguments, and writers that put each result into plugin-owned native memory valid until
/// the next call. Not meant for plugin code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe ref struct ExtractCall
{
    private ExtractField* _fields;
    private ExtractSession _session;
    private PluginDescriptor _descriptor;
    private byte* _eventStart;
    private uint _eventLength;
    private bool _offsets;

    /// <summary>What the extractor methods receive.</summary>
    public ExtractContext Context;

    internal ExtractCall(ExtractField* fields, uint count, ExtractSession session, PluginDescriptor descriptor, ExtractContext context, EventHeader* evt, bool offsets)
    {
        _fields = fields;
        Count = count;
        _session = session;
        _descriptor = descriptor;
        Context = context;
        _eventStart = (byte*)evt;
        _eventLength = evt->Len;
        _offsets = offsets;
    }

    /// <summary>Fills this call in place (no struct copy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Set(ExtractField* fields, uint count, ExtractSession session, PluginDescriptor descriptor, EventHeader* evt, ulong evtnum, byte* evtsrc, bool offsets, FieldExtractInput* tables)
    {
        _fields = fields;
        Count = count;
        _session = session;
        _descriptor = descriptor;
        Context = new ExtractContext(EventView.CreateUnchecked(evt), evtnum, evtsrc, tables);
        _eventStart = (byte*)evt;
        _eventLength = evt->Len;
        _offsets = offsets;
    }

    /// <summary>The number of fields requested.</summary>
    public uint Count { get; private set; }

    /// <summary>The id of the <paramref name="index"/>th requested field: its position in the fields JSON.</summary>
    public readonly uint FieldId(uint index) => _fields[index].FieldId;

    /// <summary>The index argument of a field that requires one.</summary>
    public readonly ulong RequiredIndex(uint index)
    {
        ExtractField* f = &_fields[index];
        if (f->ArgPresent == 0)
        {
            throw MissingArgument(index, "an index");
        }

        return f->ArgIndex;
    }

    /// <summary>The index argument of a field that may take one, or <see langword="null"/>.</summary>
    public readonly ulong? OptionalIndex(uint index)
    {
        ExtractField* f = &_fields[index];
        return f->ArgPresent != 0 ? f->ArgIndex : null;
    }

    /// <summary>The key argument of a field that requires one, as UTF-8 bytes.</summary>
    public readonly ReadOnlySpan<byte> RequiredKeyUtf8(uint index)
    {
        ExtractField* f = &_fields[index];
        if (f->ArgPresent == 0 || f->ArgKey is null)
        {
            throw MissingArgument(index, "a key");
        }

        return Utf8Interop.Span(f->ArgKey);
    }

    /// <summary>The key argument of a field that requires one.</summary>
    public readonly string RequiredKey(uint index) => _session.Keys.Get(RequiredKeyUtf8(index));

    /// <summary>The key argument of a field that may take one, as UTF-8 bytes (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> OptionalKeyUtf8(uint index)
    {
        ExtractField* f = &_fields[index];
        return f->ArgPresent != 0 ? Utf8Interop.Span(f->ArgKey) : default;
    }

    /// <summary>The key argument of a field that may take one, or <see langword="null"/>.</summary>
    public readonly string? OptionalKey(uint index)
    {
        ExtractField* f = &_fields[index];
        return f->ArgPresent != 0 && f->ArgKey is not null ? _session.Keys.Get(Utf8Interop.Span(f->ArgKey)) : null;
    }

    /// <summary>Fails the call for a field id the plugin does not declare.</summary>
    public readonly void UnknownField(uint index) =>
        throw new PluginException($"unknown field id {_fields[index].FieldId} (the plugin declares {_descriptor.FieldNames.Length} fields)");

    /// <summary>Marks the field as absent for this event.</summary>
    public void SetAbsent(uint index)
    {
        _fields[index].ResLen = 0;
        Context.TakeValueOffset(out _, out _);
    }

    /// <summary>Sets a uint64, reltime (ns) or abstime (ns since the epoch) value.</summary>
    public void SetUInt64(uint index, ulong value)
    {
        ulong* slot = (ulong*)_session.Arena.Alloc(sizeof(ulong));
        *slot = value;
        Store(index, slot, 1);
    }

    /// <summary>Sets a uint64 value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetUInt64(uint index, ulong? value)
    {
        if (value.HasValue)
        {
            SetUInt64(index, value.GetValueOrDefault());
        }
        else
        {
            SetAbsent(index);
        }
    }

    /// <summary>Sets a bool value.</summary>
    public void SetBool(uint index, bool value)
    {
        uint* slot = (uint*)_session.Arena.Alloc(sizeof(uint));
        *slot = value ? 1u : 0u;
        Store(index, slot, 1);
    }

    /// <summary>Sets a bool value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetBool(uint index, bool? value)
    {
        if (value.HasValue)
        {
            SetBool(index, value.GetValueOrDefault());
        }
        else
        {
            SetAbsent(index);
        }
    }

    /// <summary>Sets a reltime value.</summary>
    public void SetRelTime(uint index, TimeSpan value) => SetUInt64(index, ToNanoseconds(value));

    /// <summary>Sets a reltime value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetRelTime(uint index, TimeSpan? value) => SetUInt64(index, value.HasValue ? ToNanoseconds(value.GetValueOrDefault()) : null);

    /// <summary>Sets an abstime value.</summary>
    public void SetAbsTime(uint index, DateTimeOffset value) => SetUInt64(index, ToUnixNanoseconds(value));

    /// <summary>Sets an abstime value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetAbsTime(uint index, DateTimeOffset? value) => SetUInt64(index, value.HasValue ? ToUnixNanoseconds(value.GetValueOrDefault()) : null);

    /// <summary>Sets an abstime value.</summary>
    public void SetAbsTime(uint index, DateTime value) => SetUInt64(index, ToUnixNanoseconds(value));

    /// <summary>Sets an abstime value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetAbsTime(uint index, DateTime? value) => SetUInt64(index, value.HasValue ? ToUnixNanoseconds(value.GetValueOrDefault()) : null);

    /// <summary>Sets a string value given as UTF-8 bytes.</summary>
    public void SetString(uint index, scoped ReadOnlySpan<byte> utf8)
    {
        byte** slot = (byte**)_session.Arena.Alloc((nuint)sizeof(byte*));
        *slot = CopyString(utf8);
        if (_offsets)
        {
            ReportSpanOffset(index, utf8);
        }

        Store(index, slot, 1);
    }

    /// <summary>Sets a string value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetString(uint index, string? value)
    {
        if (value is null)
        {
            SetAbsent(index);
            return;
        }

        byte** slot = (byte**)_session.Arena.Alloc((nuint)sizeof(byte*));
        *slot = CopyString(value);
        Store(index, slot, 1);
    }

    /// <summary>Sets an ipaddr or ipnet value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetIPAddress(uint index, IPAddress? value)
    {
        if (value is null)
        {
            SetAbsent(index);
            return;
        }

        ByteBuffer* slot = (ByteBuffer*)_session.Arena.Alloc((nuint)sizeof(ByteBuffer));
        WriteAddress(slot, value);
        Store(index, slot, 1);
    }

    /// <summary>Sets an ipaddr or ipnet value from its 4 (IPv4) or 16 (IPv6) bytes in network order.</summary>
    public void SetIPAddress(uint index, scoped ReadOnlySpan<byte> address)
    {
        if (address.Length != 4 && address.Length != 16)
        {
            throw new PluginException($"an IP address must be 4 or 16 bytes, got {address.Length}");
        }

        ByteBuffer* slot = (ByteBuffer*)_session.Arena.Alloc((nuint)sizeof(ByteBuffer));
        Span<byte> bytes = _session.Arena.AllocSpan(address.Length);
        address.CopyTo(bytes);
        slot->Len = (uint)address.Length;
        slot->Ptr = Unsafe.AsPointer(ref bytes[0]);
        if (_offsets)
        {
            ReportSpanOffset(index, address);
        }

        Store(index, slot, 1);
    }

    /// <summary>Sets an ipnet value: the framework receives the network's base address.</summary>
    public void SetIPNetwork(uint index, IPNetwork value) => SetIPAddress(index, value.BaseAddress);

    /// <summary>Sets an ipnet value, or marks the field absent for <see langword="null"/>.</summary>
    public void SetIPNetwork(uint index, IPNetwork? value) => SetIPAddress(index, value?.BaseAddress);

    /// <summary>Sets a list of uint64 (or reltime/abstime nanosecond) values.</summary>
    public void SetUInt64List(uint index, scoped ReadOnlySpan<ulong> values)
    {
        ulong* slots = (ulong*)_session.Arena.Alloc((nuint)(values.Length * sizeof(ulong)));
        values.CopyTo(new Span<ulong>(slots, values.Length));
        Store(index, slots, values.Length);
    }

    /// <summary>Sets a list of uint64 values, or marks the field absent for <see langword="null"/>.</summary>
    public void SetUInt64List(uint index, IEnumerable<ulong>? values)
    {
        if (values is null)
        {
            SetAbsent(index);
            return;
        }

        if (values is ulong[] array)
        {
            SetUInt64List(index, array.AsSpan());
            return;
        }

        int count = 0;
        foreach (ulong value in values)
        {
            ulong[] scratch = _session.U64Scratch(count + 1);
            scratch[count++] = value;
        }

        SetUInt64List(index, _session.U64Scratch(count).AsSpan(0, count));
    }

    /// <summary>Sets a list of reltime values.</summary>
    public void SetRelTimeList(uint index, IEnumerable<TimeSpan>? values) =>
        SetMappedList(index, values, static v => ToNanoseconds(v));

    /// <summary>Sets a list of abstime values.</summary>
    public void SetAbsTimeList(uint index, IEnumerable<DateTimeOffset>? values) =>
        SetMappedList(index, values, static v => ToUnixNanoseconds(v));

    /// <summary>Sets a list of abstime values.</summary>
    public void SetAbsTimeList(uint index, IEnumerable<DateTime>? values) =>
        SetMappedList(index, values, static v => ToUnixNanoseconds(v));

    /// <summary>Sets a list of bool values.</summary>
    public void SetBoolList(uint index, scoped ReadOnlySpan<bool> values)
    {
        uint* slots = (uint*)_session.Arena.Alloc((nuint)(values.Length * sizeof(uint)));
        for (int i = 0; i < values.Length; i++)
        {
            slots[i] = values[i] ? 1u : 0u;
        }

        Store(index, slots, values.Length);
    }

    /// <summary>Sets a list of bool values, or marks the field absent for <see langword="null"/>.</summary>
    public void SetBoolList(uint index, IEnumerable<bool>? values)
    {
        if (values is null)
        {
            SetAbsent(index);
            return;
        }

        int count = 0;
        foreach (bool value in values)
        {
            ulong[] scratch = _session.U64Scratch(count + 1);
            scratch[count++] = value ? 1u : 0u;
        }

        uint* slots = (uint*)_session.Arena.Alloc((nuint)(count * sizeof(uint)));
        ulong[] source = _session.U64Scratch(count);
        for (int i = 0; i < count; i++)
        {
            slots[i] = (uint)source[i];
        }

        Store(index, slots, count);
    }

    /// <summary>Sets a list of string values; <see langword="null"/> elements are skipped.</summary>
    public void SetStringList(uint index, scoped ReadOnlySpan<string?> values)
    {
        int count = 0;
        foreach (string? value in values)
        {
            if (value is not null)
            {
                count++;
            }
        }

        byte** slots = (byte**)_session.Arena.Alloc((nuint)(count * sizeof(byte*)));
        int written = 0;
        foreach (string? value in values)
        {
            if (value is not null)
            {
                slots[written++] = CopyString(value);
            }
        }

        Store(index, slots, count);
    }

    /// <summary>Sets a list of string values, or marks the field absent for <see langword="null"/>.</summary>
    public void SetStringList(uint index, IEnumerable<string?>? values)
    {
        if (values is null)
        {
            SetAbsent(index);
            return;
        }

        if (values is string?[] array)
        {
            SetStringList(index, array.AsSpan());
            return;
        }

        List<string?> scratch = _session.StringScratch;
        scratch.Clear();
        foreach (string? value in values)
        {
            scratch.Add(value);
        }

        try
        {
            SetStringList(index, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch));
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Sets a list of ipaddr or ipnet values, or marks the field absent for <see langword="null"/>.</summary>
    public void SetIPAddressList(uint index, IEnumerable<IPAddress?>? values)
    {
        if (values is null)
        {
            SetAbsent(index);
            return;
        }

        int count = 0;
        foreach (IPAddress? value in values)
        {
            if (value is not null)
            {
                count++;
            }
        }

        ByteBuffer* slots = (ByteBuffer*)_session.Arena.Alloc((nuint)(count * sizeof(ByteBuffer)));
        int written = 0;
        foreach (IPAddress? value in values)
        {
            if (value is not null && written < count)
            {
                WriteAddress(&slots[written++], value);
            }
        }

        Store(index, slots, written);
    }

    /// <summary>Sets a list of ipnet values, or marks the field absent for <see langword="null"/>.</summary>
    public void SetIPNetworkList(uint index, IEnumerable<IPNetwork>? values)
    {
        if (values is null)
        {
            SetAbsent(index);
            return;
        }

        var addresses = new List<IPAddress?>();
        foreach (IPNetwork network in values)
        {
            addresses.Add(network.BaseAddress);
        }

        SetIPAddressList(index, addresses);
    }

    private void SetMappedList<T>(uint index, IEnumerable<T>? values, Func<T, ulong> map)
    {
        if (values is null)
        {
            SetAbsent(index);
            return;
        }

        int count = 0;
        foreach (T value in values)
        {
            ulong[] scratch = _session.U64Scratch(count + 1);
            scratch[count++] = map(value);
        }

        SetUInt64List(index, _session.U64Scratch(count).AsSpan(0, count));
    }

    private void Store(uint index, void* results, int count)
    {
        ExtractField* f = &_fields[index];
        f->Res = results;
        f->ResLen = (ulong)count;
        if (_offsets && Context.TakeValueOffset(out int start, out int length))
        {
            _session.SetOffset(index, (uint)(start + AbiConstants.PluginEventPayloadOffset), (uint)length);
        }
    }

    private void ReportSpanOffset(uint index, scoped ReadOnlySpan<byte> value)
    {
        // A value that is a slice of the event's payload tells its own position.
        byte* start = (byte*)Unsafe.AsPointer(ref Unsafe.AsRef(in value.GetPinnableReference()));
        byte* payload = _eventStart + AbiConstants.PluginEventPayloadOffset;
        if (!value.IsEmpty && start >= payload && start + value.Length <= _eventStart + _eventLength)
        {
            _session.SetOffset(index, (uint)(start - _eventStart), (uint)value.Length);
        }
    }

    private byte* CopyString(scoped ReadOnlySpan<byte> utf8)
    {
        Span<byte> target = _session.Arena.AllocSpan(utf8.Length + 1);
        utf8.CopyTo(target);
        target[utf8.Length] = 0;
        return (byte*)Unsafe.AsPointer(ref target[0]);
    }

    private byte* CopyString(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        Span<byte> target = _session.Arena.AllocSpan(length + 1);
        Encoding.UTF8.GetBytes(value, target);
        target[length] = 0;
        return (byte*)Unsafe.AsPointer(ref target[0]);
    }

    private void WriteAddress(ByteBuffer* slot, IPAddress value)
    {
        Span<byte> bytes = _session.Arena.AllocSpan(16);
        if (!value.TryWriteBytes(bytes, out int written))
        {
            throw new PluginException($"cannot encode IP address {value}");
        }

        slot->Len = (uint)written;
        slot->Ptr = Unsafe.AsPointer(ref bytes[0]);
    }

    private readonly PluginException MissingArgument(uint index, string what) =>
        new($"field {FieldName(index)} requires {what} argument, as in {FieldName(index)}[...]");

    private readonly string FieldName(uint index)
    {
        uint id = _fields[index].FieldId;
        return id < (uint)_descriptor.FieldNames.Length ? _descriptor.FieldNames[id] : $"#{id}";
    }

    internal static ulong ToNanoseconds(TimeSpan value) =>
        value.Ticks < 0 ? throw new PluginException($"a reltime value cannot be negative ({value})") : (ulong)value.Ticks * 100;

    internal static ulong ToUnixNanoseconds(DateTimeOffset value)
    {
        long ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return ticks < 0 ? throw new PluginException($"an abstime value cannot precede the Unix epoch ({value:O})") : (ulong)ticks * 100;
    }

    internal static ulong ToUnixNanoseconds(DateTime value) =>
        ToUnixNanoseconds(value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(value, TimeSpan.Zero) : new DateTimeOffset(value));
}

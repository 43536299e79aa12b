using System;
using System.Buffers.Text;
using System.Text;
using System.Threading;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Tests.FaultProbe;

// Field extraction and parsing of the probe's own events, which count into the exported table.
public sealed partial class FaultProbePlugin : IFieldExtractor, IEventParser
{
    /// <summary>The table the probe exports.</summary>
    public const string ItemsTable = "faultprobe_items";

    private static readonly PayloadParser<ulong> ParseCounter = static payload =>
        Utf8Parser.TryParse(payload, out ulong value, out int used) && used == payload.Length
            ? value
            : throw new PluginException("the payload is not a decimal counter");

    private readonly EventCache<ulong> _counters = new();
    private readonly byte[] _address = [10, 0, 0, 0];
    private readonly ExportedTable<string> _items;
    private readonly ExportedField<ulong> _itemCount;
    private readonly ExportedField<string> _itemLabel;
    private readonly ExportedField<bool> _itemEven;

    private static ReadOnlySpan<byte> InvalidUtf8 => [0xC3, 0x28, 0xFF];

    private static ReadOnlySpan<byte> FiveByteAddress => [10, 0, 0, 1, 9];

    /// <summary>The counter; throw, fail and block faults of extract_fields strike here.</summary>
    [Field("faultprobe.value", "The counter in the payload")]
    public ulong Value(ref ExtractContext context)
    {
        _faults.At(FaultPoint.ExtractFields);
        return Counter(ref context);
    }

    /// <summary>value-N; the <c>nul</c> fault puts a NUL byte inside.</summary>
    [Field("faultprobe.text", "value-N")]
    public string Text(ref ExtractContext context) =>
        (_faults.Strikes(FaultPoint.ExtractFields, "nul") ? "value\0" : "value-") + Counter(ref context).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The payload bytes; the <c>invalid_utf8</c> fault returns bytes that are not UTF-8.</summary>
    [Field("faultprobe.raw", "The payload bytes as a string")]
    public ReadOnlySpan<byte> Raw(ref ExtractContext context) =>
        _faults.Strikes(FaultPoint.ExtractFields, "invalid_utf8") ? InvalidUtf8 : context.Payload;

    /// <summary>10.0.0.N from its bytes; the <c>ipaddr_length</c> fault returns five bytes.</summary>
    [Field("faultprobe.addr", "10.0.0.N", Type = FieldType.IPAddress)]
    public ReadOnlySpan<byte> Address(ref ExtractContext context)
    {
        if (_faults.Strikes(FaultPoint.ExtractFields, "ipaddr_length"))
        {
            return FiveByteAddress;
        }

        _address[3] = (byte)Counter(ref context);
        return _address;
    }

    /// <summary>N seconds; the <c>negative_reltime</c> fault returns minus one second.</summary>
    [Field("faultprobe.elapsed", "The counter in seconds")]
    public TimeSpan Elapsed(ref ExtractContext context) =>
        _faults.Strikes(FaultPoint.ExtractFields, "negative_reltime") ? TimeSpan.FromSeconds(-1) : TimeSpan.FromSeconds(Counter(ref context));

    /// <summary>N seconds after the epoch; the <c>abstime_before_epoch</c> fault returns a time before it.</summary>
    [Field("faultprobe.when", "The counter in seconds after the epoch")]
    public DateTimeOffset When(ref ExtractContext context) =>
        DateTimeOffset.UnixEpoch.AddSeconds(_faults.Strikes(FaultPoint.ExtractFields, "abstime_before_epoch") ? -1 : (double)Counter(ref context));

    /// <summary>The label of the current config.</summary>
    [Field("faultprobe.label", "The label of the current config")]
    public string Label(ref ExtractContext context) => Volatile.Read(ref _label);

    /// <inheritdoc />
    public void ParseEvent(ref ParseContext context)
    {
        _faults.At(FaultPoint.ParseEvent);
        ExportedEntry<string> item = _items.GetOrAdd(Encoding.UTF8.GetString(context.Payload));
        ulong count = item.Get(_itemCount) + 1;
        item.Set(_itemCount, count);
        item.Set(_itemEven, count % 2 == 0);
        item.Set(_itemLabel, Volatile.Read(ref _label));
    }

    private ulong Counter(ref ExtractContext context) => _counters.Get(ref context, ParseCounter);
}

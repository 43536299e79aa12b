using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace Falco.Plugins.Tests.Probe;

/// <summary>
/// A test plugin for the end-to-end suite: a counter source in three authoring styles and a
/// field of every type and argument kind, with faults that its config switches on.
/// </summary>
[FalcoPlugin("probe", Version = "1.2.3", Description = "End-to-end test plugin of the .NET SDK", Contact = "tests")]
public sealed partial class ProbePlugin : IPlugin<ProbeConfig>, IEventSource<IEventSourceInstance>, IFieldExtractor, IOpenParamsProvider
{
    private static readonly PayloadParser<ulong> ParseValue = static payload =>
        Utf8Parser.TryParse(payload, out ulong value, out int used) && used == payload.Length
            ? value
            : throw new PluginException("the payload is not a decimal counter");

    private readonly ProbeConfig _config;
    private readonly EventCache<ulong> _values = new();

    /// <summary>Creates the probe; logs that it started.</summary>
    public ProbePlugin(ProbeConfig config, PluginLogger logger, PluginContext context)
    {
        if (config.ThrowInInit)
        {
            throw new InvalidOperationException("injected init failure");
        }

        _config = config;
        logger.Info($"probe {config.Label} initialized in {config.Mode} mode by {context.PluginName}");
    }

    /// <inheritdoc />
    public static uint SourceId => 999;

    /// <inheritdoc />
    public static string EventSource => "probe";

    /// <inheritdoc />
    public IEventSourceInstance Open(string parameters)
    {
        ProbeOpenParams open = string.IsNullOrEmpty(parameters)
            ? new ProbeOpenParams()
            : PluginJson.Deserialize(parameters, ProbeJsonContext.Default.ProbeOpenParams, "open params");
        return _config.Mode switch
        {
            "pull" => new PullSource(open.Count, _config.FailNextBatchAfter),
            "async" => new IteratorSource(open.Count),
            "channel" => ChannelFeeder.Start(open.Count),
            _ => throw new PluginException($"unknown mode '{_config.Mode}'"),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<OpenParam> ListOpenParams() =>
        [new("{\"count\": 10}", "ten events"), new("{\"count\": 1000}", "a thousand events")];

    /// <summary>The counter.</summary>
    [Field("probe.value", "The counter", Display = "Value", AddOutput = true)]
    public ulong Value(ref ExtractContext context)
    {
        ulong value = Counter(ref context);
        return _config.FailExtractOn != 0 && value == _config.FailExtractOn
            ? throw new InvalidOperationException($"injected extract failure on {value}")
            : value;
    }

    /// <summary>A managed string.</summary>
    [Field("probe.text", "The counter as value-N")]
    public string Text(ref ExtractContext context) => "value-" + Counter(ref context).ToString(CultureInfo.InvariantCulture);

    /// <summary>The payload itself, with its offset.</summary>
    [Field("probe.payload", "The payload bytes", ReportsOffsets = true)]
    public static ReadOnlySpan<byte> Payload(ref ExtractContext context) => context.Payload;

    /// <summary>An explicit offset.</summary>
    [Field("probe.length", "The payload length, located at the payload", ReportsOffsets = true)]
    public static ulong Length(ref ExtractContext context)
    {
        context.SetValueOffset(0, context.Payload.Length);
        return (ulong)context.Payload.Length;
    }

    /// <summary>A bool.</summary>
    [Field("probe.even", "Whether the counter is even", Properties = FieldProperties.Info)]
    public bool Even(ref ExtractContext context) => Counter(ref context) % 2 == 0;

    /// <summary>Absent for even counters.</summary>
    [Field("probe.odd", "The counter when it is odd", Properties = FieldProperties.Hidden | FieldProperties.Conversation)]
    public ulong? Odd(ref ExtractContext context) => Counter(ref context) is var v && v % 2 == 1 ? v : null;

    /// <summary>A reltime.</summary>
    [Field("probe.elapsed", "The counter in seconds")]
    public TimeSpan Elapsed(ref ExtractContext context) => TimeSpan.FromSeconds(Counter(ref context));

    /// <summary>An abstime.</summary>
    [Field("probe.when", "The counter in seconds after the epoch")]
    public DateTimeOffset When(ref ExtractContext context) => DateTimeOffset.UnixEpoch.AddSeconds(Counter(ref context));

    /// <summary>An ipaddr.</summary>
    [Field("probe.addr", "10.0.0.N")]
    public IPAddress Address(ref ExtractContext context) => new([10, 0, 0, (byte)Counter(ref context)]);

    /// <summary>An ipnet.</summary>
    [Field("probe.net", "10.N.0.0/16")]
    public IPNetwork Network(ref ExtractContext context) => new(new IPAddress([10, (byte)Counter(ref context), 0, 0]), 16);

    /// <summary>A list of numbers.</summary>
    [Field("probe.digits", "The decimal digits of the counter")]
    public ulong[] Digits(ref ExtractContext context)
    {
        string text = Counter(ref context).ToString(CultureInfo.InvariantCulture);
        var digits = new ulong[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            digits[i] = (ulong)(text[i] - '0');
        }

        return digits;
    }

    /// <summary>A list of strings.</summary>
    [Field("probe.words", "n and the counter")]
    public List<string> Words(ref ExtractContext context) => ["n", Counter(ref context).ToString(CultureInfo.InvariantCulture)];

    /// <summary>A required index.</summary>
    [Field("probe.times", "The counter times the index", Arg = FieldArg.RequiredIndex)]
    public ulong Times(ref ExtractContext context, ulong factor) => Counter(ref context) * factor;

    /// <summary>An optional index.</summary>
    [Field("probe.plus", "The counter plus the index, if any", Arg = FieldArg.OptionalIndex)]
    public ulong Plus(ref ExtractContext context, ulong? addend) => Counter(ref context) + (addend ?? 0);

    /// <summary>A required key.</summary>
    [Field("probe.label", "The key followed by the counter", Arg = FieldArg.RequiredKey)]
    public string Label(ref ExtractContext context, string key) => key + Counter(ref context).ToString(CultureInfo.InvariantCulture);

    /// <summary>A required key as UTF-8.</summary>
    [Field("probe.keylen", "The length of the key in bytes", Arg = FieldArg.RequiredKey)]
    public static ulong KeyLength(ref ExtractContext context, ReadOnlySpan<byte> key) => (ulong)key.Length;

    /// <summary>An optional key.</summary>
    [Field("probe.greet", "hello, or hello KEY", Arg = FieldArg.OptionalKey)]
    public static string Greet(ref ExtractContext context, string? key) => key is null ? "hello" : "hello " + key;

    /// <summary>The try pattern: present for multiples of 3.</summary>
    [Field("probe.third", "The counter divided by 3, for multiples of 3")]
    public bool TryThird(ref ExtractContext context, out ulong third)
    {
        ulong value = Counter(ref context);
        third = value / 3;
        return value % 3 == 0;
    }

    private ulong Counter(ref ExtractContext context) => _values.Get(ref context, ParseValue);
}

using System;
using System.Buffers.Text;

namespace Falco.Plugins.Examples.Dummy;

/// <summary>
/// The dummy plugin of the Falco developer guide: a source of increasing samples and three
/// fields about them. Interchangeable with the Go and C++ SDK ports: plugin id 3, source
/// <c>dummy</c>, the sample as a decimal string payload, the same field names and meaning.
/// </summary>
[FalcoPlugin("dummy",
    Version = "0.1.0",
    Description = "Reference plugin for educational purposes",
    Contact = "github.com/falcosecurity/plugins")]
public sealed partial class DummyPlugin : IPlugin<DummyConfig>, IEventSource<DummyInstance>, IFieldExtractor, IEventFormatter
{
    private static readonly PayloadParser<ulong> ParseSample = static payload =>
        Utf8Parser.TryParse(payload, out ulong value, out int consumed) && consumed == payload.Length
            ? value
            : throw new PluginException("the event payload is not a decimal sample");

    private readonly ulong _jitter;
    private readonly Random _random = new();
    private readonly EventCache<ulong> _samples = new();

    /// <summary>Creates the plugin from its init config.</summary>
    public DummyPlugin(DummyConfig config)
    {
        _jitter = config.Jitter;
    }

    /// <inheritdoc />
    public static uint SourceId => 3;

    /// <inheritdoc />
    public static string EventSource => "dummy";

    /// <inheritdoc />
    public DummyInstance Open(string parameters)
    {
        DummyOpenParams openParams = string.IsNullOrWhiteSpace(parameters)
            ? new DummyOpenParams()
            : PluginJson.Deserialize(parameters, DummyJsonContext.Default.DummyOpenParams, "open params");
        if (openParams.BatchSize < 1)
        {
            throw new PluginException($"open params key 'batchSize' must be at least 1, got {openParams.BatchSize}");
        }

        return new DummyInstance(this, openParams);
    }

    /// <summary>1 if the sample is divisible by the index argument, 0 otherwise.</summary>
    [Field("dummy.divisible", "Return 1 if the value is divisible by the provided divisor, 0 otherwise", Arg = FieldArg.RequiredIndex)]
    public ulong Divisible(ref ExtractContext context, ulong divisor) =>
        divisor == 0
            ? throw new PluginException("the divisor of dummy.divisible must not be 0")
            : Sample(ref context) % divisor == 0 ? 1UL : 0UL;

    /// <summary>The sample.</summary>
    [Field("dummy.value", "The sample value in the event")]
    public ulong Value(ref ExtractContext context) => Sample(ref context);

    /// <summary>The sample as the payload carries it.</summary>
    [Field("dummy.strvalue", "The sample value in the event, as a string")]
    public static ReadOnlySpan<byte> StrValue(ref ExtractContext context) => context.Payload;

    /// <inheritdoc />
    public string EventToString(EventView evt) => $"{{\"sample\": \"{System.Text.Encoding.UTF8.GetString(evt.Payload)}\"}}";

    /// <summary>The random amount added to the next sample: from 0 to the configured jitter.</summary>
    internal ulong NextJitter() => _jitter switch
    {
        0 => 0,
        < long.MaxValue => (ulong)_random.NextInt64((long)_jitter + 1),
        _ => (ulong)_random.NextInt64() * 2,
    };

    private ulong Sample(ref ExtractContext context) => _samples.Get(ref context, ParseSample);
}

using System;
using System.Net;
using System.Text;
using Falco.Plugins.Examples.HttpAudit.Capture;
using Falco.Plugins.Examples.HttpAudit.Diagnostics;
using Falco.Plugins.Examples.HttpAudit.Events;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Examples.HttpAudit;

/// <summary>
/// Receives JSON audit events over HTTP and makes them available to Falco rules: each object
/// a client posts becomes an event of the <c>httpaudit</c> source, and fields read the
/// object with JSON pointers. The server listens on a loopback address by default, between
/// the opening and the closing of the capture.
/// </summary>
[FalcoPlugin("httpaudit",
    Version = "0.1.0",
    Description = "JSON audit events received over HTTP",
    Contact = "github.com/falco-plugin-sdk-dotnet")]
public sealed partial class HttpAuditPlugin : IPlugin<HttpAuditConfig>, IEventSource<HttpAuditCapture>, IFieldExtractor, IEventFormatter, IDisposable
{
    private readonly ServerSettings _settings;
    private readonly ServerCertificate? _certificate;
    private readonly HttpAuditMetrics _metrics;
    private readonly ILogger<HttpAuditPlugin> _logger;
    private readonly ParsedAuditEvent _parsed = new();
    private readonly EventCache<ParsedAuditEvent> _events = new();
    private readonly PayloadParser<ParsedAuditEvent> _parse;

    /// <summary>Checks the config and loads the TLS certificate, so that mistakes fail init rather than open.</summary>
    public HttpAuditPlugin(HttpAuditConfig config, ILogger<HttpAuditPlugin> logger, PluginMetrics metrics)
    {
        _logger = logger;
        _metrics = new HttpAuditMetrics(metrics);
        _parse = payload => _parsed.Load(payload);
        if (config.Tls is { } tlsConfig)
        {
            _certificate = ServerCertificate.Load(tlsConfig);
            if (_certificate.NotAfter < DateTime.Now)
            {
                Log.CertificateExpired(logger, _certificate.Subject, _certificate.NotAfter.ToUniversalTime());
            }
        }

        try
        {
            _settings = ServerSettings.From(config, _certificate?.Options());
        }
        catch
        {
            _certificate?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// An id of the block the plugin registry leaves to unregistered plugins (1073741824 and up):
    /// see the README for why not 999.
    /// </summary>
    public static uint SourceId => 1073751589;

    /// <inheritdoc />
    public static string EventSource => "httpaudit";

    /// <summary>
    /// Starts the server. The parameters may override the listen address, as a JSON object
    /// (<c>{"listenAddress": "127.0.0.1:0"}</c>) or as the address alone (<c>127.0.0.1:0</c>).
    /// </summary>
    public HttpAuditCapture Open(string parameters)
    {
        ServerSettings settings = _settings;
        string text = parameters.Trim();
        if (text.StartsWith('{'))
        {
            HttpAuditOpenParams open = PluginJson.Deserialize(text, HttpAuditJsonContext.Default.HttpAuditOpenParams, "open params");
            text = open.ListenAddress ?? "";
        }

        if (text.Length > 0)
        {
            settings = settings.WithListenAddress(text);
        }

        return new HttpAuditCapture(settings, _metrics, _logger);
    }

    /// <summary>The value at a JSON pointer.</summary>
    [Field("httpaudit.value",
        "The value at an RFC 6901 JSON pointer in the event, e.g. httpaudit.value[/user/name]: strings unescaped, numbers and literals as written, objects and arrays as compact JSON; absent when there is no such value",
        Arg = FieldArg.RequiredKey)]
    public bool TryValue(ref ExtractContext context, ReadOnlySpan<byte> pointer, out ReadOnlySpan<byte> value) =>
        Event(ref context).TryGetValue(context.Payload, pointer, out value);

    /// <summary>The value at <c>/user/name</c>.</summary>
    [Field("httpaudit.user", "The name of the user who acted, at /user/name in the event", Display = "User")]
    public bool TryUser(ref ExtractContext context, out ReadOnlySpan<byte> value) =>
        Event(ref context).TryGetValue(context.Payload, "/user/name"u8, out value);

    /// <summary>The value at <c>/action</c>.</summary>
    [Field("httpaudit.action", "What the user did, at /action in the event", Display = "Action")]
    public bool TryAction(ref ExtractContext context, out ReadOnlySpan<byte> value) =>
        Event(ref context).TryGetValue(context.Payload, "/action"u8, out value);

    /// <summary>The whole object, straight from the payload (stored compacted).</summary>
    [Field("httpaudit.json", "The whole event as compact JSON", Display = "Event")]
    public ReadOnlySpan<byte> Json(ref ExtractContext context) => context.Payload.Slice(Event(ref context).JsonOffset);

    /// <summary>The client address, straight from the payload.</summary>
    [Field("httpaudit.remote_addr", "The address of the client that posted the event", Type = FieldType.IPAddress, Display = "Client address")]
    public ReadOnlySpan<byte> RemoteAddress(ref ExtractContext context) => context.Payload[Event(ref context).RemoteAddress];

    /// <summary>The time of receipt.</summary>
    [Field("httpaudit.received_at", "When the plugin received the event (also the event's timestamp)", Type = FieldType.AbsTime, Display = "Received at")]
    public ulong ReceivedAt(ref ExtractContext context) => Event(ref context).ReceivedAt;

    /// <summary>Renders an event as JSON: the client and the posted object.</summary>
    public string EventToString(EventView evt)
    {
        if (!AuditEnvelope.TryRead(evt.Payload, out AuditEnvelope envelope))
        {
            return "{\"error\":\"not an httpaudit event\"}";
        }

        var client = new IPEndPoint(new IPAddress(envelope.RemoteAddress), envelope.RemotePort);
        return $"{{\"client\":\"{client}\",\"event\":{Encoding.UTF8.GetString(envelope.Json)}}}";
    }

    /// <summary>Releases the certificates.</summary>
    public void Dispose() => _certificate?.Dispose();

    private ParsedAuditEvent Event(ref ExtractContext context) => _events.Get(ref context, _parse);
}

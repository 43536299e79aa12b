using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Falco.Plugins.Examples.HttpAudit.Capture;
using Falco.Plugins.Examples.HttpAudit.Diagnostics;
using Falco.Plugins.Examples.HttpAudit.Events;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>
/// What the server does with a request: first from its head alone (path, method, secret,
/// declared size), so a request that will be refused is refused before its body is read;
/// then from its body, whose objects become queued events.
/// </summary>
internal sealed class AuditRequestHandler
{
    private static readonly HttpRejection WrongMethod = new(405, "events are sent with POST");
    private static readonly HttpRejection Unauthorized = new(401, "the request needs 'Authorization: Bearer <secret>' with the shared secret");
    private static readonly HttpRejection QueueFull = new(503, "the event queue is full: retry later");
    private static readonly HttpRejection Closing = new(503, "the capture is closing");

    private readonly ServerSettings _settings;
    private readonly AuditQueue _queue;
    private readonly HttpAuditMetrics _metrics;
    private readonly ILogger _logger;
    private readonly LogThrottle _fullWarning = new(TimeSpan.FromSeconds(10));
    private readonly HttpRejection _wrongPath;

    /// <summary>Creates the handler of one capture's server.</summary>
    public AuditRequestHandler(ServerSettings settings, AuditQueue queue, HttpAuditMetrics metrics, ILogger logger)
    {
        _settings = settings;
        _queue = queue;
        _metrics = metrics;
        _logger = logger;
        _wrongPath = new HttpRejection(404, $"events are posted to {Encoding.ASCII.GetString(settings.Path)}");
        BodyTooLarge = new HttpRejection(413, $"the body may be at most {settings.MaxBodyBytes} bytes");
    }

    /// <summary>The refusal for a body larger than the limit.</summary>
    public HttpRejection BodyTooLarge { get; }

    /// <summary>Decides from the head: <see langword="null"/> when the body should be read.</summary>
    /// <param name="head">The bytes of the request head.</param>
    /// <param name="request">The parsed head.</param>
    public HttpRejection? Check(ReadOnlySpan<byte> head, in HttpRequestHead request)
    {
        if (!head[request.Path].SequenceEqual(_settings.Path))
        {
            return _wrongPath;
        }

        if (!head[request.Method].SequenceEqual("POST"u8))
        {
            return WrongMethod;
        }

        if (_settings.Secret is { } secret && !(request.Authorization is { } authorization && HasSecret(head[authorization], secret)))
        {
            return Unauthorized;
        }

        return request.ContentLength > _settings.MaxBodyBytes ? BodyTooLarge : null;
    }

    /// <summary>Queues the objects of <paramref name="body"/> as events.</summary>
    /// <param name="body">The request body; its objects are compacted in place.</param>
    /// <param name="client">The client.</param>
    /// <param name="objects">Scratch list for the objects' locations.</param>
    /// <param name="events">Scratch list for the events.</param>
    /// <returns>The refusal, or <see langword="null"/> and the number of events queued.</returns>
    public (HttpRejection? Rejection, int Accepted) Accept(Span<byte> body, IPEndPoint client, List<Range> objects, List<PluginEvent> events)
    {
        if (AuditBody.Split(body, objects) is { } error)
        {
            return (new HttpRejection(400, error), 0);
        }

        if (objects.Count > _settings.QueueCapacity)
        {
            return (new HttpRejection(413, $"the body holds {objects.Count} objects; the queue holds at most {_settings.QueueCapacity} events"), 0);
        }

        IPAddress address = AuditEnvelope.Normalize(client.Address);
        long bytes = AuditEventEncoder.Encode(body, objects, address, (ushort)client.Port, EventTime.Now(), events);
        EnqueueResult result = _queue.TryEnqueue(CollectionsMarshal.AsSpan(events), bytes);
        events.Clear();
        switch (result)
        {
            case EnqueueResult.Accepted:
                _metrics.RequestsAccepted.Increment();
                _metrics.EventsAccepted.Add((ulong)objects.Count);
                _metrics.EventsQueued.Set(_queue.Count);
                return (null, objects.Count);
            case EnqueueResult.Full:
                if (_fullWarning.TryEnter())
                {
                    Log.QueueFull(_logger, _queue.Count);
                }

                return (QueueFull, 0);
            case EnqueueResult.TooLarge:
                return (new HttpRejection(413, $"the events of the body take {bytes} bytes; the queue holds at most {_settings.MaxQueuedBytes}"), 0);
            default:
                return (Closing, 0);
        }
    }

    /// <summary>Counts and logs a refusal about to be sent to <paramref name="client"/>.</summary>
    public void Refused(HttpRejection rejection, IPEndPoint client)
    {
        (rejection == QueueFull ? _metrics.RequestsThrottled : _metrics.RequestsRejected).Increment();
        Log.Rejected(_logger, client, rejection.Status, rejection.Reason);
    }

    /// <summary>Whether an Authorization value is <c>Bearer &lt;secret&gt;</c>, compared in constant time.</summary>
    private static bool HasSecret(ReadOnlySpan<byte> authorization, byte[] secret)
    {
        if (authorization.Length < 7 || !Ascii.EqualsIgnoreCase(authorization.Slice(0, 6), "bearer"u8) || authorization[6] != (byte)' ')
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(authorization.Slice(7).TrimStart((byte)' '), secret);
    }
}

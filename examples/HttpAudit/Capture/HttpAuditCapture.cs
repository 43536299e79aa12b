using System;
using System.Net;
using Falco.Plugins.Examples.HttpAudit.Diagnostics;
using Falco.Plugins.Examples.HttpAudit.Http;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Examples.HttpAudit.Capture;

/// <summary>
/// An open capture: an HTTP server that queues the objects clients post, and next_batch,
/// which hands the queued events to Falco or reports a timeout after a short wait. The server
/// listens from open to close.
/// </summary>
public sealed class HttpAuditCapture : IEventSourceInstance, IProgressReporter, IDisposable
{
    private readonly AuditQueue _queue;
    private readonly AuditServer _server;
    private readonly HttpAuditMetrics _metrics;
    private readonly ILogger _logger;

    internal HttpAuditCapture(ServerSettings settings, HttpAuditMetrics metrics, ILogger logger)
    {
        _metrics = metrics;
        _logger = logger;
        _queue = new AuditQueue(settings.QueueCapacity, settings.MaxQueuedBytes);
        _server = new AuditServer(settings, new AuditRequestHandler(settings, _queue, metrics, logger), logger);
        try
        {
            _server.Start();
        }
        catch
        {
            _server.Dispose();
            _queue.Dispose();
            throw;
        }

        Log.Listening(logger, _server.Url);
        if (!IPAddress.IsLoopback(LocalEndpoint.Address) && (settings.Tls is null || settings.Secret is null))
        {
            Log.Unprotected(logger, _server.Url);
        }
    }

    /// <summary>The address the server listens on, with the port it was given when asked for port 0.</summary>
    public IPEndPoint LocalEndpoint => _server.LocalEndpoint;

    /// <inheritdoc />
    public int BatchCapacity => _queue.BatchCapacity;

    /// <inheritdoc />
    public BatchStatus NextBatch(EventBatch batch)
    {
        BatchStatus status = _queue.NextBatch(batch);
        _metrics.EventsQueued.Set(_queue.Count);
        return status;
    }

    /// <summary>A live source has no end: the progress is 0 %, with where it listens and what it received as detail.</summary>
    public Progress GetProgress() =>
        new(0, $"listening on {LocalEndpoint}; {_queue.Accepted} events accepted, {_queue.Count} waiting");

    /// <summary>Stops the server, then the queue; events still queued are dropped.</summary>
    public void Dispose()
    {
        _server.Dispose();
        _queue.Dispose();
        _metrics.EventsQueued.Set(0);
        Log.Stopped(_logger, _server.Url, _queue.Accepted);
    }
}

namespace Falco.Plugins.Examples.HttpAudit.Diagnostics;

/// <summary>The plugin's metrics, which Falco reports as <c>httpaudit.&lt;name&gt;</c>.</summary>
internal sealed class HttpAuditMetrics
{
    /// <summary>Creates the instruments.</summary>
    public HttpAuditMetrics(PluginMetrics metrics)
    {
        RequestsAccepted = metrics.Counter("requests_accepted");
        RequestsRejected = metrics.Counter("requests_rejected");
        RequestsThrottled = metrics.Counter("requests_throttled");
        EventsAccepted = metrics.Counter("events_accepted");
        EventsQueued = metrics.Gauge("events_queued");
    }

    /// <summary>Requests whose events were queued (202).</summary>
    public MetricCounter RequestsAccepted { get; }

    /// <summary>Requests refused for what they are (4xx, and 503 while closing).</summary>
    public MetricCounter RequestsRejected { get; }

    /// <summary>Requests refused because the queue was full (503).</summary>
    public MetricCounter RequestsThrottled { get; }

    /// <summary>Events queued.</summary>
    public MetricCounter EventsAccepted { get; }

    /// <summary>Events waiting for Falco in the open capture.</summary>
    public MetricGauge EventsQueued { get; }
}

using System;
using System.Net;
using System.Net.Security;
using System.Text;

namespace Falco.Plugins.Examples.HttpAudit.Capture;

/// <summary>The server's settings, checked and converted from <see cref="HttpAuditConfig"/> once, at init.</summary>
internal sealed record ServerSettings
{
    /// <summary>The largest request head accepted (request line and headers).</summary>
    public const int MaxHeadBytes = 16 * 1024;

    /// <summary>Where the server listens.</summary>
    public required IPEndPoint Endpoint { get; init; }

    /// <summary>Whether listen addresses other than loopback are accepted.</summary>
    public required bool AllowRemote { get; init; }

    /// <summary>The request path, in ASCII.</summary>
    public required byte[] Path { get; init; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public required int MaxBodyBytes { get; init; }

    /// <summary>How many events may wait for Falco.</summary>
    public required int QueueCapacity { get; init; }

    /// <summary>How many payload bytes may wait for Falco.</summary>
    public required long MaxQueuedBytes { get; init; }

    /// <summary>How many connections may be open at once.</summary>
    public required int MaxConnections { get; init; }

    /// <summary>How long a client may take to send a request once started.</summary>
    public required TimeSpan RequestTimeout { get; init; }

    /// <summary>How long a kept-alive connection may wait for its next request.</summary>
    public required TimeSpan IdleTimeout { get; init; }

    /// <summary>The bearer token requests must carry, in ASCII, or <see langword="null"/>.</summary>
    public required byte[]? Secret { get; init; }

    /// <summary>The TLS options, or <see langword="null"/> for plain HTTP.</summary>
    public required SslServerAuthenticationOptions? Tls { get; init; }

    /// <summary>The URL clients post to, for log messages.</summary>
    public string Url(IPEndPoint endpoint) => $"{(Tls is null ? "http" : "https")}://{endpoint}{Encoding.ASCII.GetString(Path)}";

    /// <summary>Checks <paramref name="config"/> and converts it.</summary>
    /// <exception cref="PluginException">A value is out of range or malformed; the message names the key.</exception>
    public static ServerSettings From(HttpAuditConfig config, SslServerAuthenticationOptions? tls)
    {
        int maxBody = (int)InRange("maxBodyBytes", config.MaxBodyBytes, 1, 256L * 1024 * 1024);
        long maxQueued = InRange("maxQueuedBytes", config.MaxQueuedBytes, 1, long.MaxValue);
        if (maxQueued < maxBody)
        {
            throw new PluginException($"maxQueuedBytes ({maxQueued}) must be at least maxBodyBytes ({maxBody}), or the largest requests could never be queued");
        }

        return new ServerSettings
        {
            Endpoint = ListenAddress.Parse(config.ListenAddress, config.AllowRemote, "listenAddress"),
            AllowRemote = config.AllowRemote,
            Path = CheckPath(config.Path),
            MaxBodyBytes = maxBody,
            QueueCapacity = (int)InRange("queueCapacity", config.QueueCapacity, 1, 1_000_000),
            MaxQueuedBytes = maxQueued,
            MaxConnections = (int)InRange("maxConnections", config.MaxConnections, 1, 10_000),
            RequestTimeout = TimeSpan.FromMilliseconds(InRange("requestTimeoutMs", config.RequestTimeoutMs, 100, 3_600_000)),
            IdleTimeout = TimeSpan.FromMilliseconds(InRange("idleTimeoutMs", config.IdleTimeoutMs, 100, 3_600_000)),
            Secret = CheckSecret(config.SharedSecret),
            Tls = tls,
        };
    }

    /// <summary>These settings with the listen address of the open parameters.</summary>
    public ServerSettings WithListenAddress(string address) =>
        this with { Endpoint = ListenAddress.Parse(address, AllowRemote, "open params listenAddress") };

    private static long InRange(string key, long value, long min, long max) =>
        value >= min && value <= max ? value : throw new PluginException($"{key} must be from {min} to {max}, got {value}");

    private static byte[] CheckPath(string path)
    {
        if (path.Length == 0 || path[0] != '/' || !IsVisibleAscii(path) || path.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            throw new PluginException($"path '{path}' must start with '/' and hold visible ASCII characters only, without '?' or '#'");
        }

        return Encoding.ASCII.GetBytes(path);
    }

    private static byte[]? CheckSecret(string? secret)
    {
        if (secret is null)
        {
            return null;
        }

        // An empty value is most often an unset environment variable: refusing it keeps the endpoint closed.
        if (secret.Length == 0 || !IsVisibleAscii(secret))
        {
            throw new PluginException("sharedSecret must be a non-empty token of visible ASCII characters; remove the key to accept requests without a secret");
        }

        return Encoding.ASCII.GetBytes(secret);
    }

    private static bool IsVisibleAscii(string text) => text.AsSpan().IndexOfAnyExceptInRange('!', '~') < 0;
}

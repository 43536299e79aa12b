using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Falco.Plugins.Examples.HttpAudit;

/// <summary>The init config. Every key is optional; the defaults listen on 127.0.0.1:9765 without TLS.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class HttpAuditConfig
{
    /// <summary>Where the server listens: <c>host:port</c> or <c>[ipv6]:port</c>; port 0 picks a free port.</summary>
    [Description("The address to listen on, as ip:port or [ipv6]:port; port 0 picks a free port (Default: 127.0.0.1:9765)")]
    public string ListenAddress { get; set; } = "127.0.0.1:9765";

    /// <summary>Accept a listen address that is not a loopback address.</summary>
    [Description("Allow a listen address other than loopback, reachable from other hosts (Default: false)")]
    public bool AllowRemote { get; set; }

    /// <summary>The request path events are posted to.</summary>
    [Description("The request path events are posted to (Default: /events)")]
    public string Path { get; set; } = "/events";

    /// <summary>The largest request body accepted, in bytes.</summary>
    [Description("The largest request body accepted, in bytes; larger requests get 413 (Default: 1048576)")]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many events may wait for Falco before requests are refused with 503.</summary>
    [Description("How many events may wait for Falco; beyond, requests get 503 (Default: 4096)")]
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>How many payload bytes may wait for Falco before requests are refused with 503.</summary>
    [Description("How many payload bytes may wait for Falco; beyond, requests get 503 (Default: 67108864)")]
    public long MaxQueuedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many client connections may be open at once; more are closed on accept.</summary>
    [Description("How many client connections may be open at once (Default: 64)")]
    public int MaxConnections { get; set; } = 64;

    /// <summary>How long a client may take to send a request once it started it.</summary>
    [Description("Milliseconds a client may take to send a whole request, TLS handshake included (Default: 10000)")]
    public int RequestTimeoutMs { get; set; } = 10_000;

    /// <summary>How long a kept-alive connection may stay idle between requests.</summary>
    [Description("Milliseconds a kept-alive connection may wait for its next request (Default: 60000)")]
    public int IdleTimeoutMs { get; set; } = 60_000;

    /// <summary>When set, requests must carry <c>Authorization: Bearer &lt;secret&gt;</c>.</summary>
    [Description("A shared secret that requests must send as 'Authorization: Bearer <secret>'")]
    public string? SharedSecret { get; set; }

    /// <summary>When set, the server speaks HTTPS.</summary>
    [Description("Serve HTTPS with this certificate")]
    public HttpAuditTlsConfig? Tls { get; set; }
}

/// <summary>The server certificate: PEM files, or a PKCS#12 file.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class HttpAuditTlsConfig
{
    /// <summary>A PEM certificate file (the chain may follow the certificate).</summary>
    [Description("A PEM file with the certificate (and its chain)")]
    public string? CertificateFile { get; set; }

    /// <summary>A PEM private key file; when absent, the key is read from <see cref="CertificateFile"/>.</summary>
    [Description("A PEM file with the private key (Default: the certificate file)")]
    public string? KeyFile { get; set; }

    /// <summary>A PKCS#12 (.pfx, .p12) file with the certificate and its key, instead of PEM files.</summary>
    [Description("A PKCS#12 file with the certificate and its private key, instead of PEM files")]
    public string? Pkcs12File { get; set; }

    /// <summary>The password of the PKCS#12 file or of an encrypted PEM key.</summary>
    [Description("The password of the PKCS#12 file or of an encrypted PEM key")]
    public string? Password { get; set; }
}

/// <summary>The open parameters in JSON form: <c>{"listenAddress": "127.0.0.1:0"}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class HttpAuditOpenParams
{
    /// <summary>Overrides the init config's listen address for this capture.</summary>
    public string? ListenAddress { get; set; }
}

/// <summary>Source-generated JSON metadata for the config and the open parameters.</summary>
[JsonSerializable(typeof(HttpAuditConfig))]
[JsonSerializable(typeof(HttpAuditOpenParams))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class HttpAuditJsonContext : JsonSerializerContext;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// The published examples/HttpAudit: events posted over HTTP (and HTTPS) come out of
/// next_batch and extract; bad requests, a full queue and bad configs are refused as documented.
/// </summary>
public sealed class HttpAuditTests
{
    private const string Audit = """{"user": {"name": "alice", "groups": ["dev", "ops"]}, "action": "delete", "count": 3, "dry": false, "target": {"kind": "secret", "name": "db"}, "note": "a \"quoted\" \u00e9t\u00e9"}""";

    [Fact]
    public void Declares_its_source_its_fields_and_the_api_version_of_logs_and_metrics()
    {
        PluginInfo info = PluginLibrary.Load(PublishedPlugins.HttpAudit).Info;
        var fields = info.Fields.ToDictionary(f => f.Name);

        Assert.Equal(("httpaudit", "httpaudit", 1073751589u), (info.Name, info.EventSource, info.Id));
        Assert.Equal("3.6.0", info.RequiredApiVersion);
        Assert.Equal(["httpaudit.value", "httpaudit.user", "httpaudit.action", "httpaudit.json", "httpaudit.remote_addr", "httpaudit.received_at"], info.Fields.Select(f => f.Name));
        Assert.True(fields["httpaudit.value"] is { Type: FieldType.String, ArgRequired: true, ArgKey: true });
        Assert.Equal(FieldType.IPAddress, fields["httpaudit.remote_addr"].Type);
        Assert.Equal(FieldType.AbsTime, fields["httpaudit.received_at"].Type);
    }

    [Fact]
    public async Task A_posted_object_becomes_an_event_whose_fields_extract()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();
        ulong before = EventTime.Now();

        using HttpResponseMessage response = await client.PostAsync(Url(capture), Json(Audit));
        CapturedEvent evt = Assert.Single(capture.ReadEvents(1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"accepted":1}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("alice", plugin.Extract(evt, "httpaudit.user").String);
        Assert.Equal("delete", plugin.Extract(evt, "httpaudit.action").String);
        Assert.Equal("alice", plugin.Extract(evt, "httpaudit.value[/user/name]").String);
        Assert.Equal("ops", plugin.Extract(evt, "httpaudit.value[/user/groups/1]").String);
        Assert.Equal("""["dev","ops"]""", plugin.Extract(evt, "httpaudit.value[/user/groups]").String);
        Assert.Equal("""{"kind":"secret","name":"db"}""", plugin.Extract(evt, "httpaudit.value[/target]").String);
        Assert.Equal("3", plugin.Extract(evt, "httpaudit.value[/count]").String);
        Assert.Equal("""{"user":{"name":"alice","groups":["dev","ops"]},"action":"delete","count":3,"dry":false,"target":{"kind":"secret","name":"db"},"note":"a \"quoted\" \u00e9t\u00e9"}""", plugin.Extract(evt, "httpaudit.json").String);
        Assert.Equal("false", plugin.Extract(evt, "httpaudit.value[/dry]").String);
        Assert.Equal("a \"quoted\" été", plugin.Extract(evt, "httpaudit.value[/note]").String);
        Assert.False(plugin.Extract(evt, "httpaudit.value[/user/uid]").IsPresent);
        Assert.False(plugin.Extract(evt, "httpaudit.value[/user/groups/2]").IsPresent);
        Assert.Equal(IPAddress.Loopback, plugin.Extract(evt, "httpaudit.remote_addr").IPAddress);
        ulong receivedAt = plugin.Extract(evt, "httpaudit.received_at").UInt64;
        Assert.InRange(receivedAt, before, EventTime.Now());
        Assert.Equal(evt.Timestamp, receivedAt);
        Assert.Matches("""^\{"client":"127\.0\.0\.1:\d+","event":\{"user":\{"name":"alice","groups":\["dev","ops"\]\},"action":"delete",""", plugin.EventToString(evt));
    }

    [Fact]
    public async Task An_array_and_newline_delimited_objects_become_one_event_per_object_in_order()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();

        using HttpResponseMessage array = await client.PostAsync(Url(capture), Json("""[{"action": "a1"}, {"action": "a2"}, {"action": "a3"}]"""));
        using HttpResponseMessage lines = await client.PostAsync(Url(capture), Json("{\"action\": \"n1\"}\n{\"action\": \"n2\"}\r\n\n{\"action\": \"n3\"}\n"));
        IReadOnlyList<CapturedEvent> events = capture.ReadEvents(6);

        Assert.Equal("""{"accepted":3}""", await array.Content.ReadAsStringAsync());
        Assert.Equal("""{"accepted":3}""", await lines.Content.ReadAsStringAsync());
        Assert.Equal(["a1", "a2", "a3", "n1", "n2", "n3"], events.Select(e => plugin.Extract(e, "httpaudit.action").String));
    }

    [Theory]
    [InlineData("{\"action\": ", "value 1 of the body is not valid JSON")]
    [InlineData("not json", "value 1 of the body is not a JSON object")]
    [InlineData("[1, 2]", "element 1 of the array is not a JSON object")]
    [InlineData("[{\"a\": 1}, 2]", "element 2 of the array is not a JSON object")]
    [InlineData("[]", "the array holds no JSON object")]
    [InlineData("[{\"a\": 1}]\n{\"b\": 2}", "an array must be the only value of the body")]
    [InlineData("{\"a\": 1} {\"b\": 2}", "value 1 of the body is followed by more JSON on the same line")]
    [InlineData("{\"a\": 1}\n{\"b\": }", "value 2 of the body is not valid JSON")]
    [InlineData("  \n", "the body holds no JSON")]
    public async Task A_bad_body_gets_400_with_the_reason_and_queues_nothing(string body, string reason)
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();

        using HttpResponseMessage refused = await client.PostAsync(Url(capture), Json(body));
        using HttpResponseMessage accepted = await client.PostAsync(Url(capture), Json("""{"action": "after"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(reason, await ErrorOf(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("after", plugin.Extract(Assert.Single(capture.ReadEvents(1)), "httpaudit.action").String);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_gets_400()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();

        using HttpResponseMessage response = await client.PostAsync(Url(capture), new ByteArrayContent([(byte)'{', (byte)'"', 0xff, (byte)'"', (byte)':', (byte)'1', (byte)'}']));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("the body is not valid UTF-8", await ErrorOf(response));
    }

    [Fact]
    public async Task The_shared_secret_is_required_as_a_bearer_token()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit, """{"sharedSecret": "s3cr3t-token"}""");
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();

        using HttpResponseMessage missing = await client.PostAsync(Url(capture), Json(Audit));
        using HttpResponseMessage wrong = await Send(client, Url(capture), Audit, new AuthenticationHeaderValue("Bearer", "s3cr3t-tokeN"));
        using HttpResponseMessage basic = await Send(client, Url(capture), Audit, new AuthenticationHeaderValue("Basic", "s3cr3t-token"));
        using HttpResponseMessage right = await Send(client, Url(capture), Audit, new AuthenticationHeaderValue("bearer", "s3cr3t-token"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Accepted], new[] { missing, wrong, basic, right }.Select(r => r.StatusCode));
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Single(capture.ReadEvents(1));
        Assert.Equal(3L, Metric(plugin, "requests_rejected"));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_whether_its_length_is_declared_or_chunked()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit, """{"maxBodyBytes": 64}""");
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();
        string large = "{\"note\": \"" + new string('x', 100) + "\"}";

        using HttpResponseMessage declared = await client.PostAsync(Url(capture), Json(large));
        using var expecting = new HttpRequestMessage(HttpMethod.Post, Url(capture)) { Content = Json(large) };
        expecting.Headers.ExpectContinue = true;
        using HttpResponseMessage expected = await client.SendAsync(expecting);
        using HttpResponseMessage chunked = await client.PostAsync(Url(capture), new ChunkedContent(Encoding.UTF8.GetBytes(large)));
        using HttpResponseMessage small = await client.PostAsync(Url(capture), new ChunkedContent("""{"action": "fits"}"""u8.ToArray()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, expected.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("the body may be at most 64 bytes", await ErrorOf(declared));
        Assert.Equal(HttpStatusCode.Accepted, small.StatusCode);
        Assert.Equal("fits", plugin.Extract(Assert.Single(capture.ReadEvents(1)), "httpaudit.action").String);
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_and_accepts_again_once_falco_drained_it()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit, """{"queueCapacity": 3}""");
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();

        using HttpResponseMessage first = await client.PostAsync(Url(capture), Json("""[{"action": "1"}, {"action": "2"}]"""));
        using HttpResponseMessage overflowing = await client.PostAsync(Url(capture), Json("""[{"action": "3"}, {"action": "4"}]"""));
        using HttpResponseMessage fitting = await client.PostAsync(Url(capture), Json("""{"action": "3"}"""));
        using HttpResponseMessage full = await client.PostAsync(Url(capture), Json("""{"action": "4"}"""));
        using HttpResponseMessage tooMany = await client.PostAsync(Url(capture), Json("""[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 4}]"""));
        IReadOnlyList<CapturedEvent> drained = capture.ReadEvents(3);
        using HttpResponseMessage again = await client.PostAsync(Url(capture), Json("""{"action": "4"}"""));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, overflowing.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, fitting.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), full.Headers.RetryAfter?.Delta);
        Assert.Equal("the event queue is full: retry later", await ErrorOf(full));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal(["1", "2", "3"], drained.Select(e => plugin.Extract(e, "httpaudit.action").String));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("4", plugin.Extract(Assert.Single(capture.ReadEvents(1)), "httpaudit.action").String);
        Assert.Equal(2L, Metric(plugin, "requests_throttled"));
        Assert.Equal(4L, Metric(plugin, "events_accepted"));
        Assert.Equal(0L, Metric(plugin, "events_queued"));
    }

    [Fact]
    public async Task Wrong_paths_and_methods_get_404_and_405()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit, """{"path": "/audit"}""");
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();
        var url = new Uri(Url(capture).GetLeftPart(UriPartial.Authority) + "/audit?source=test");

        using HttpResponseMessage wrongPath = await client.PostAsync(new Uri(url, "/events"), Json(Audit));
        using HttpResponseMessage wrongMethod = await client.GetAsync(url);
        using HttpResponseMessage right = await client.PostAsync(url, Json(Audit));

        Assert.Equal(HttpStatusCode.NotFound, wrongPath.StatusCode);
        Assert.Equal("events are posted to /audit", await ErrorOf(wrongPath));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(["POST"], wrongMethod.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
    }

    [Fact]
    public void Raw_requests_are_served_on_one_kept_alive_connection_and_malformed_heads_get_400()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var socket = new TcpClient();
        socket.Connect(IPAddress.Loopback, Url(capture).Port);
        using NetworkStream stream = socket.GetStream();
        string body = """{"action": "raw"}""";
        string post = $"POST /events HTTP/1.1\r\nHost: x\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        string chunked = "POST /events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\n{\"act\r\nc\r\nion\": \"raw\"}\r\n0\r\nTrailer: x\r\n\r\n";

        // Two requests written at once (pipelined), then a third on the same connection.
        stream.Write(Encoding.ASCII.GetBytes(post + chunked));
        string responses = ReadResponses(stream, 2);
        stream.Write(Encoding.ASCII.GetBytes("POST /events HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n{}"));
        string malformed = ReadResponses(stream, 1);

        Assert.Equal(2, Regex.Count(responses, @"HTTP/1\.1 202 Accepted\r\n"));
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", malformed, StringComparison.Ordinal);
        Assert.Contains("Connection: close", malformed, StringComparison.Ordinal);
        Assert.Contains("the request has different Content-Length headers", malformed, StringComparison.Ordinal);
        Assert.Equal(["raw", "raw"], capture.ReadEvents(2).Select(e => plugin.Extract(e, "httpaudit.action").String));
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("pkcs12")]
    public async Task Tls_serves_https_with_a_certificate_and_its_chain_from_pem_or_pkcs12_files(string format)
    {
        using var chain = new TestChain();
        string directory = Directory.CreateTempSubdirectory("httpaudit-tls-").FullName;
        try
        {
            string tls = chain.Write(format, directory);
            using var plugin = Plugin.Load(PublishedPlugins.HttpAudit, $$"""{"tls": {{tls}}}""");
            using PluginCapture capture = plugin.Open("127.0.0.1:0");
            string[] presented = [];
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, built, _) =>
                {
                    presented = built!.ChainElements.Select(e => e.Certificate.Thumbprint).ToArray();
                    return certificate?.Thumbprint == chain.Leaf.Thumbprint;
                },
            };
            using var client = new HttpClient(handler);
            var https = new UriBuilder(Url(capture)) { Scheme = "https" }.Uri;

            using HttpResponseMessage response = await client.PostAsync(https, Json(Audit));
            Task<HttpResponseMessage> plain = client.PostAsync(Url(capture), Json(Audit));

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal([chain.Leaf.Thumbprint, chain.Intermediate.Thumbprint], presented.Take(2));
            Assert.Equal("alice", plugin.Extract(Assert.Single(capture.ReadEvents(1)), "httpaudit.user").String);
            await Assert.ThrowsAsync<HttpRequestException>(() => plain);
            Assert.Contains(plugin.Logs, l => l.Message.StartsWith("listening on https://127.0.0.1:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Closing_the_capture_stops_the_listener_and_a_new_capture_listens_again_on_the_same_port()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        int port;
        using (PluginCapture first = plugin.Open("""{"listenAddress": "127.0.0.1:0"}"""))
        {
            port = Url(first).Port;
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.PostAsync(Url(first), Json(Audit));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var refused = Assert.Throws<SocketException>(() =>
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
        });
        using PluginCapture second = plugin.Open($"127.0.0.1:{port}");
        using var again = new HttpClient();
        using HttpResponseMessage accepted = await again.PostAsync(Url(second), Json("""{"action": "second"}"""));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Equal(port, Url(second).Port);
        Assert.Equal("second", plugin.Extract(Assert.Single(second.ReadEvents(1)), "httpaudit.action").String);
        Assert.Contains(plugin.Logs, l => l.Message == $"stopped listening on http://127.0.0.1:{port}/events; events accepted: 1");
    }

    [Fact]
    public void An_address_in_use_fails_open_and_the_plugin_keeps_working()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        using PluginCapture first = plugin.Open("127.0.0.1:0");

        var error = Assert.Throws<PluginHostException>(() => plugin.Open($"127.0.0.1:{Url(first).Port}"));

        Assert.StartsWith($"could not open capture of plugin httpaudit: httpaudit: open: cannot listen on 127.0.0.1:{Url(first).Port}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"listenAddress": "0.0.0.0:9765"}""", "listenAddress '0.0.0.0:9765' is not a loopback address: set allowRemote to true to accept events from other hosts")]
    [InlineData("""{"listenAddress": "127.0.0.1:65536"}""", "listenAddress '127.0.0.1:65536': the port must be a number from 0 to 65535")]
    [InlineData("""{"listenAddress": "127.0.0.1"}""", "listenAddress '127.0.0.1' is not an address: write ip:port or [ipv6]:port")]
    [InlineData("""{"listenAddress": "::1:9765"}""", "listenAddress '::1:9765' is not an address: write ip:port or [ipv6]:port")]
    [InlineData("""{"path": "events"}""", "path 'events' must start with '/'")]
    [InlineData("""{"sharedSecret": ""}""", "sharedSecret must be a non-empty token")]
    [InlineData("""{"maxBodyBytes": 0}""", "maxBodyBytes must be from 1 to 268435456, got 0")]
    [InlineData("""{"maxBodyBytes": 2048, "maxQueuedBytes": 1024}""", "maxQueuedBytes (1024) must be at least maxBodyBytes (2048)")]
    [InlineData("""{"tls": {}}""", "tls needs exactly one of certificateFile (PEM, with keyFile) and pkcs12File")]
    [InlineData("""{"tls": {"certificateFile": "/nonexistent/cert.pem"}}""", "tls: cannot load the certificate from '/nonexistent/cert.pem': ")]
    public void A_bad_config_fails_init_with_a_message_naming_the_key(string config, string expected)
    {
        var error = Assert.Throws<PluginHostException>(() => Plugin.Load(PublishedPlugins.HttpAudit, config));

        Assert.StartsWith("could not initialize plugin: httpaudit: init: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_address_is_accepted_with_allow_remote()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit, """{"allowRemote": true}""");
        using PluginCapture capture = plugin.Open("0.0.0.0:0");

        Assert.Matches(@"^listening on 0\.0\.0\.0:\d+;", capture.Progress!.Value.Text);
        Assert.Contains(plugin.Logs, l => l.Severity == LogSeverity.Warning && l.Message.EndsWith("accepts events from other hosts without both TLS and a shared secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_json_pointer_fails_extraction_with_a_message()
    {
        using var plugin = Plugin.Load(PublishedPlugins.HttpAudit);
        using PluginCapture capture = plugin.Open("127.0.0.1:0");
        using var client = new HttpClient();
        using HttpResponseMessage response = await client.PostAsync(Url(capture), Json("""{"a/b": {"~": 1}}"""));
        CapturedEvent evt = Assert.Single(capture.ReadEvents(1));

        var error = Assert.Throws<PluginHostException>(() => plugin.Extract(evt, "httpaudit.value[user]"));

        Assert.EndsWith("httpaudit: extract_fields: field httpaudit.value: 'user' is not a JSON pointer: it must start with '/'", error.Message, StringComparison.Ordinal);
        Assert.Equal("1", plugin.Extract(evt, "httpaudit.value[/a~1b/~0]").String);
    }

    [Fact]
    public void The_rules_file_uses_only_fields_the_plugin_declares_and_only_its_source()
    {
        string rules = File.ReadAllText(Repository.Path("examples", "HttpAudit", "rules", "httpaudit_rules.yaml"));
        var declared = PluginLibrary.Load(PublishedPlugins.HttpAudit).Info.Fields.Select(f => f.Name).ToHashSet();

        string[] used = Regex.Matches(rules, @"httpaudit\.[a-z_.]+").Select(m => m.Value.TrimEnd('.')).Where(f => f != "httpaudit.yaml").Distinct().ToArray();
        string[] sources = Regex.Matches(rules, @"^  source: (\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToArray();

        Assert.NotEmpty(used);
        Assert.All(used, f => Assert.Contains(f, declared));
        Assert.Equal(["httpaudit"], sources);
    }

    /// <summary>The URL the capture listens on, from the detail of its progress.</summary>
    private static Uri Url(PluginCapture capture)
    {
        Match match = Regex.Match(capture.Progress!.Value.Text, @"^listening on 127\.0\.0\.1:(\d+);");
        Assert.True(match.Success, capture.Progress.Value.Text);
        return new Uri($"http://127.0.0.1:{match.Groups[1].Value}/events");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> Send(HttpClient client, Uri url, string json, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(json) };
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").GetString()!;
    }

    private static long Metric(Plugin plugin, string name) =>
        Convert.ToInt64(plugin.GetMetrics().Single(m => m.RawName == name).Value, CultureInfo.InvariantCulture);

    /// <summary>Reads until <paramref name="count"/> complete responses (with their JSON bodies) have arrived.</summary>
    private static string ReadResponses(NetworkStream stream, int count)
    {
        stream.ReadTimeout = 10_000;
        var text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (Regex.Count(text.ToString(), @"\r\n\r\n\{[^}]*\}") < count)
        {
            int read = stream.Read(buffer);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    /// <summary>A root CA, an intermediate CA and a server certificate for 127.0.0.1, made for one test.</summary>
    private sealed class TestChain : IDisposable
    {
        private readonly X509Certificate2 _root;

        public TestChain()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            _root = Authority("CN=httpaudit test root", rootKey).CreateSelfSigned(now.AddMinutes(-10), now.AddHours(2));
            using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using (X509Certificate2 intermediate = Authority("CN=httpaudit test intermediate", intermediateKey).Create(_root, now.AddMinutes(-9), now.AddHours(1), [1]))
            {
                Intermediate = intermediate.CopyWithPrivateKey(intermediateKey);
            }

            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var leaf = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            leaf.CertificateExtensions.Add(names.Build());
            using X509Certificate2 issued = leaf.Create(Intermediate, now.AddMinutes(-5), now.AddMinutes(50), [2]);
            Leaf = issued.CopyWithPrivateKey(leafKey);
        }

        public X509Certificate2 Intermediate { get; }

        public X509Certificate2 Leaf { get; }

        /// <summary>Writes the server certificate and its chain as the plugin reads them; returns the <c>tls</c> config object.</summary>
        public string Write(string format, string directory)
        {
            if (format == "pem")
            {
                string cert = Path.Combine(directory, "chain.pem");
                string key = Path.Combine(directory, "key.pem");
                File.WriteAllText(cert, Leaf.ExportCertificatePem() + "\n" + Intermediate.ExportCertificatePem());
                using ECDsa privateKey = Leaf.GetECDsaPrivateKey()!;
                File.WriteAllText(key, privateKey.ExportPkcs8PrivateKeyPem());
                return $$"""{"certificateFile": "{{cert}}", "keyFile": "{{key}}"}""";
            }

            string pfx = Path.Combine(directory, "server.p12");
            File.WriteAllBytes(pfx, new X509Certificate2Collection { Leaf, Intermediate }.Export(X509ContentType.Pkcs12, "pfx-password")!);
            return $$"""{"pkcs12File": "{{pfx}}", "password": "pfx-password"}""";
        }

        public void Dispose()
        {
            Leaf.Dispose();
            Intermediate.Dispose();
            _root.Dispose();
        }

        private static CertificateRequest Authority(string subject, ECDsa key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request;
        }
    }

    /// <summary>A body of unknown length, which HttpClient sends with the chunked transfer coding.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

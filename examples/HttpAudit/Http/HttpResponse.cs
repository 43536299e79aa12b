using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>
/// Formats the server's responses: a status line, the headers the status calls for
/// (<c>WWW-Authenticate</c> with 401, <c>Allow</c> with 405, <c>Retry-After</c> with 503) and
/// a small JSON body: <c>{"accepted":3}</c> or <c>{"error":"..."}</c>.
/// </summary>
internal static class HttpResponse
{
    /// <summary>The interim response to <c>Expect: 100-continue</c>.</summary>
    public static readonly ReadOnlyMemory<byte> Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    /// <summary>Writes a 202 response counting the events accepted.</summary>
    public static void WriteAccepted(IBufferWriter<byte> output, int accepted, ConnectionHeader connection)
    {
        Span<byte> body = stackalloc byte[32];
        "{\"accepted\":"u8.CopyTo(body);
        Utf8Formatter.TryFormat(accepted, body.Slice(12), out int digits);
        body[12 + digits] = (byte)'}';
        Write(output, 202, body.Slice(0, 13 + digits), connection);
    }

    /// <summary>Writes an error response with <paramref name="reason"/> in its body.</summary>
    public static void WriteError(IBufferWriter<byte> output, HttpRejection rejection, ConnectionHeader connection)
    {
        ReadOnlySpan<byte> reason = JsonEncodedText.Encode(rejection.Reason).EncodedUtf8Bytes;
        byte[] body = new byte[reason.Length + 12];
        "{\"error\":\""u8.CopyTo(body);
        reason.CopyTo(body.AsSpan(10));
        "\"}"u8.CopyTo(body.AsSpan(10 + reason.Length));
        Write(output, rejection.Status, body, connection);
    }

    private static void Write(IBufferWriter<byte> output, int status, ReadOnlySpan<byte> body, ConnectionHeader connection)
    {
        Append(output, "HTTP/1.1 "u8);
        AppendNumber(output, status);
        Append(output, " "u8);
        Append(output, ReasonPhrase(status));
        Append(output, "\r\nContent-Type: application/json\r\nContent-Length: "u8);
        AppendNumber(output, body.Length);
        Append(output, connection switch
        {
            ConnectionHeader.Close => "\r\nConnection: close"u8,
            ConnectionHeader.KeepAlive => "\r\nConnection: keep-alive"u8,
            _ => default,
        });
        Append(output, status switch
        {
            401 => "\r\nWWW-Authenticate: Bearer realm=\"httpaudit\""u8,
            405 => "\r\nAllow: POST"u8,
            503 => "\r\nRetry-After: 1"u8,
            _ => default,
        });
        Append(output, "\r\n\r\n"u8);
        Append(output, body);
    }

    private static ReadOnlySpan<byte> ReasonPhrase(int status) => status switch
    {
        202 => "Accepted"u8,
        400 => "Bad Request"u8,
        401 => "Unauthorized"u8,
        404 => "Not Found"u8,
        405 => "Method Not Allowed"u8,
        408 => "Request Timeout"u8,
        413 => "Content Too Large"u8,
        417 => "Expectation Failed"u8,
        431 => "Request Header Fields Too Large"u8,
        501 => "Not Implemented"u8,
        503 => "Service Unavailable"u8,
        505 => "HTTP Version Not Supported"u8,
        _ => "Error"u8,
    };

    private static void Append(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private static void AppendNumber(IBufferWriter<byte> output, int value)
    {
        Span<byte> target = output.GetSpan(11);
        Utf8Formatter.TryFormat(value, target, out int written);
        output.Advance(written);
    }
}

/// <summary>The Connection header a response carries.</summary>
internal enum ConnectionHeader
{
    /// <summary>None: the HTTP/1.1 default, the connection stays open.</summary>
    Default,

    /// <summary><c>Connection: keep-alive</c>, which HTTP/1.0 clients need to keep the connection open.</summary>
    KeepAlive,

    /// <summary><c>Connection: close</c>: the server closes the connection after the response.</summary>
    Close,
}

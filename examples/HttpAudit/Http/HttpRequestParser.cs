using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>
/// A strict HTTP/1.1 request head parser (RFC 9112): a request line, header lines ending in
/// CRLF, no line folding, no whitespace before a header's colon, one Host header, consistent
/// message framing. Anything it cannot be sure of is refused rather than guessed, which is what
/// keeps a server behind a proxy safe from request smuggling.
/// </summary>
internal static class HttpRequestParser
{
    /// <summary>The most header lines a request may have.</summary>
    public const int MaxHeaderCount = 100;

    private static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<byte> ValueControls = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    /// <summary>Parses <paramref name="head"/>: the request line and headers, up to and including the empty line.</summary>
    /// <returns><see langword="null"/>, or why the request is refused.</returns>
    public static HttpRejection? Parse(ReadOnlySpan<byte> head, out HttpRequestHead request)
    {
        request = new HttpRequestHead { ContentLength = -1 };
        int lineEnd = head.IndexOf(CrLf);
        if (lineEnd < 0)
        {
            return Bad("the request line does not end with CRLF");
        }

        if (ParseRequestLine(head.Slice(0, lineEnd), ref request) is { } lineError)
        {
            return lineError;
        }

        bool close = false;
        bool keepAlive = false;
        int hosts = 0;
        int count = 0;
        int position = lineEnd + 2;
        while (true)
        {
            int length = head.Slice(position).IndexOf(CrLf);
            if (length < 0)
            {
                return Bad("the header section does not end with an empty line");
            }

            if (length == 0)
            {
                break;
            }

            if (++count > MaxHeaderCount)
            {
                return new HttpRejection(431, $"a request may have at most {MaxHeaderCount} header lines");
            }

            ReadOnlySpan<byte> line = head.Slice(position, length);
            int colon = line.IndexOf((byte)':');
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                return Bad("header lines may not be folded");
            }

            if (colon <= 0 || line.Slice(0, colon).IndexOfAnyExcept(TokenChars) >= 0)
            {
                return Bad("a header line is not 'name: value'");
            }

            ReadOnlySpan<byte> name = line.Slice(0, colon);
            ReadOnlySpan<byte> rawValue = line.Slice(colon + 1);
            ReadOnlySpan<byte> value = rawValue.Trim(" \t"u8);
            if (value.IndexOfAny(ValueControls) >= 0)
            {
                return Bad("a header value holds control characters");
            }

            int valueStart = position + colon + 1 + (rawValue.Length - rawValue.TrimStart(" \t"u8).Length);
            HttpRejection? error = null;
            if (Is(name, "content-length"u8))
            {
                error = ParseContentLength(value, ref request);
            }
            else if (Is(name, "transfer-encoding"u8))
            {
                error = request.IsChunked || !Is(value, "chunked"u8)
                    ? new HttpRejection(501, "the only transfer coding accepted is chunked")
                    : null;
                request.IsChunked = true;
            }
            else if (Is(name, "connection"u8))
            {
                ReadConnectionOptions(value, ref close, ref keepAlive);
            }
            else if (Is(name, "expect"u8))
            {
                error = Is(value, "100-continue"u8) ? null : new HttpRejection(417, "the only expectation accepted is 100-continue");
                request.ExpectsContinue = true;
            }
            else if (Is(name, "authorization"u8))
            {
                error = request.Authorization is null ? null : Bad("a request may have one Authorization header");
                request.Authorization = new Range(valueStart, valueStart + value.Length);
            }
            else if (Is(name, "host"u8))
            {
                hosts++;
            }

            if (error is not null)
            {
                return error;
            }

            position += length + 2;
        }

        if (position + 2 != head.Length)
        {
            return Bad("the request head is followed by unexpected bytes");
        }

        if (request.IsChunked && request.ContentLength >= 0)
        {
            return Bad("a request may not have both Content-Length and Transfer-Encoding");
        }

        if (request.IsHttp11 ? hosts != 1 : hosts > 1)
        {
            return Bad("an HTTP/1.1 request must have exactly one Host header");
        }

        if (request.IsChunked && !request.IsHttp11)
        {
            return Bad("HTTP/1.0 requests cannot be chunked");
        }

        request.KeepAlive = !close && (request.IsHttp11 || keepAlive);
        return null;
    }

    private static HttpRejection? ParseRequestLine(ReadOnlySpan<byte> line, ref HttpRequestHead request)
    {
        int methodEnd = line.IndexOf((byte)' ');
        if (methodEnd <= 0 || line.Slice(0, methodEnd).IndexOfAnyExcept(TokenChars) >= 0)
        {
            return Bad("the request line does not start with a method");
        }

        int targetStart = methodEnd + 1;
        int targetLength = line.Slice(targetStart).IndexOf((byte)' ');
        if (targetLength <= 0)
        {
            return Bad("the request line has no target");
        }

        ReadOnlySpan<byte> target = line.Slice(targetStart, targetLength);
        ReadOnlySpan<byte> version = line.Slice(targetStart + targetLength + 1);
        if (target.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7e) >= 0)
        {
            return Bad("the request target holds characters that must be percent-encoded");
        }

        if (version.SequenceEqual("HTTP/1.1"u8))
        {
            request.IsHttp11 = true;
        }
        else if (!version.SequenceEqual("HTTP/1.0"u8))
        {
            return version.Length == 8 && version.StartsWith("HTTP/"u8)
                ? new HttpRejection(505, "only HTTP/1.1 and HTTP/1.0 are supported")
                : Bad("the request line does not end with the HTTP version");
        }

        request.Method = new Range(0, methodEnd);
        int pathStart = PathStart(target);
        if (pathStart < 0)
        {
            return Bad("the request target is not a path or an absolute URL");
        }

        int pathLength = target.Slice(pathStart).IndexOfAny((byte)'?', (byte)'#');
        pathLength = pathLength < 0 ? target.Length - pathStart : pathLength;
        request.Path = new Range(targetStart + pathStart, targetStart + pathStart + pathLength);
        return null;
    }

    /// <summary>Where the path starts in an origin-form (<c>/events</c>) or absolute-form (<c>http://host/events</c>) target.</summary>
    private static int PathStart(ReadOnlySpan<byte> target)
    {
        if (target[0] == (byte)'/')
        {
            return 0;
        }

        int scheme = target.IndexOf("://"u8);
        if (scheme <= 0 || !(Is(target.Slice(0, scheme), "http"u8) || Is(target.Slice(0, scheme), "https"u8)))
        {
            return -1;
        }

        int authorityStart = scheme + 3;
        int slash = target.Slice(authorityStart).IndexOf((byte)'/');
        return slash < 0 ? -1 : authorityStart + slash;
    }

    private static HttpRejection? ParseContentLength(ReadOnlySpan<byte> value, ref HttpRequestHead request)
    {
        if (value.IsEmpty || value.Length > 18 || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
            || !Utf8Parser.TryParse(value, out long length, out int consumed) || consumed != value.Length)
        {
            return Bad("Content-Length is not a decimal number");
        }

        if (request.ContentLength >= 0 && request.ContentLength != length)
        {
            return Bad("the request has different Content-Length headers");
        }

        request.ContentLength = length;
        return null;
    }

    private static void ReadConnectionOptions(ReadOnlySpan<byte> value, ref bool close, ref bool keepAlive)
    {
        while (!value.IsEmpty)
        {
            int comma = value.IndexOf((byte)',');
            ReadOnlySpan<byte> option = (comma < 0 ? value : value.Slice(0, comma)).Trim(" \t"u8);
            close |= Is(option, "close"u8);
            keepAlive |= Is(option, "keep-alive"u8);
            value = comma < 0 ? default : value.Slice(comma + 1);
        }
    }

    private static bool Is(ReadOnlySpan<byte> text, ReadOnlySpan<byte> expected) => Ascii.EqualsIgnoreCase(text, expected);

    private static HttpRejection Bad(string reason) => new(400, reason);
}

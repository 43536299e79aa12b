using System;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>What the server acts on in a request head, as ranges of the head's bytes.</summary>
internal struct HttpRequestHead
{
    /// <summary>The method, e.g. <c>POST</c>.</summary>
    public Range Method;

    /// <summary>The path of the request target, without the query.</summary>
    public Range Path;

    /// <summary>Whether the version is HTTP/1.1 (otherwise HTTP/1.0).</summary>
    public bool IsHttp11;

    /// <summary>The Content-Length, or -1 when the request has none.</summary>
    public long ContentLength;

    /// <summary>Whether the body is sent with the chunked transfer coding.</summary>
    public bool IsChunked;

    /// <summary>Whether the client wants the connection kept open after the response.</summary>
    public bool KeepAlive;

    /// <summary>Whether the client waits for <c>100 Continue</c> before sending the body.</summary>
    public bool ExpectsContinue;

    /// <summary>The value of the Authorization header, when there is one.</summary>
    public Range? Authorization;

    /// <summary>Whether the request has a body to read.</summary>
    public readonly bool HasBody => IsChunked || ContentLength > 0;
}

/// <summary>Why a request is refused: the status code and a short reason for the client.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Reason">A short sentence sent back in the JSON body.</param>
internal readonly record struct HttpRejection(int Status, string Reason);

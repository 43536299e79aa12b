using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Falco.Plugins.Examples.HttpAudit.Capture;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>
/// One client connection: an optional TLS handshake, then requests one after the other
/// (keep-alive), each within the request timeout once its first byte arrives, with the idle
/// timeout between them. Runs on the thread pool; holds no thread while it waits.
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    // After an error response, unread request bytes are drained for this long before closing, so
    // that the close does not reset the connection and destroy the response before the client reads it.
    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(1);
    private const int LingerBytes = 1024 * 1024;

    private readonly Socket _socket;
    private readonly IPEndPoint _client;
    private readonly ServerSettings _settings;
    private readonly AuditRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _deadline;
    private readonly ArrayBufferWriter<byte> _output = new(256);
    private readonly List<Range> _objects = new();
    private readonly List<PluginEvent> _events = new();
    private readonly BodyBuffer _body;
    private readonly Action _requestStarted;
    private Stream? _stream;
    private HttpInput? _input;

    private enum BodyResult
    {
        Read,
        ClientLeft,
        TooLarge,
        Malformed,
    }

    /// <summary>Takes over an accepted socket.</summary>
    public HttpConnection(Socket socket, ServerSettings settings, AuditRequestHandler handler, ILogger logger, CancellationToken stopping)
    {
        _socket = socket;
        _client = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.IPv6None, 0);
        _settings = settings;
        _handler = handler;
        _logger = logger;
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _body = new BodyBuffer(settings.MaxBodyBytes);
        _requestStarted = () => _deadline.CancelAfter(_settings.RequestTimeout);
    }

    private CancellationToken Token => _deadline.Token;

    /// <summary>Serves requests until the client closes, a timeout, an error, or the server stops.</summary>
    public async Task RunAsync()
    {
        string reason = "the client closed it";
        try
        {
            _stream = new NetworkStream(_socket, ownsSocket: true);
            if (_settings.Tls is { } tls)
            {
                var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
                _stream = ssl;
                _deadline.CancelAfter(_settings.RequestTimeout);
                await ssl.AuthenticateAsServerAsync(tls, Token).ConfigureAwait(false);
            }

            _input = new HttpInput(_stream, ServerSettings.MaxHeadBytes);
            while (await ServeRequestAsync().ConfigureAwait(false))
            {
            }
        }
        catch (OperationCanceledException)
        {
            reason = "timed out or the server stopped";
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException or ObjectDisposedException)
        {
            reason = ex.Message;
        }
        catch (Exception ex)
        {
            reason = "failed";
            Log.ConnectionFailed(_logger, _client, ex);
        }
        finally
        {
            Dispose();
        }

        Log.ConnectionEnded(_logger, _client, reason);
    }

    /// <summary>Closes the socket from any thread: a pending read or write ends with an error and <see cref="RunAsync"/> returns.</summary>
    public void Abort() => _socket.Dispose();

    /// <summary>Reads one request and answers it; <see langword="false"/> when the connection must close.</summary>
    private async Task<bool> ServeRequestAsync()
    {
        HttpInput input = _input!;
        _deadline.CancelAfter(_settings.IdleTimeout);
        (HeadStatus status, int length) = await input.ReadHeadAsync(_requestStarted, Token).ConfigureAwait(false);
        if (status == HeadStatus.TooLarge)
        {
            await RejectAndCloseAsync(new HttpRejection(431, $"the request head may be at most {ServerSettings.MaxHeadBytes} bytes")).ConfigureAwait(false);
            return false;
        }

        if (status != HeadStatus.Complete)
        {
            return false;
        }

        (HttpRejection? rejection, HttpRequestHead request) = ReadHead(input.Buffered.Slice(0, length));
        input.Consume(length);
        if (rejection is { } refused)
        {
            await RejectAndCloseAsync(refused).ConfigureAwait(false);
            return false;
        }

        if (request.ExpectsContinue && request.HasBody)
        {
            await WriteAsync(HttpResponse.Continue).ConfigureAwait(false);
        }

        _body.Reset();
        BodyResult body = request.IsChunked
            ? await ReadChunkedBodyAsync().ConfigureAwait(false)
            : await ReadBodyAsync(request.ContentLength).ConfigureAwait(false);
        if (body == BodyResult.ClientLeft)
        {
            return false;
        }

        if (body != BodyResult.Read)
        {
            await RejectAndCloseAsync(body == BodyResult.TooLarge ? _handler.BodyTooLarge : new HttpRejection(400, "the chunked body is malformed")).ConfigureAwait(false);
            return false;
        }

        (HttpRejection? outcome, int accepted) = _handler.Accept(_body.Written, _client, _objects, _events);
        _body.Reset();
        ConnectionHeader connection = !request.KeepAlive ? ConnectionHeader.Close : request.IsHttp11 ? ConnectionHeader.Default : ConnectionHeader.KeepAlive;
        _output.ResetWrittenCount();
        if (outcome is { } failure)
        {
            _handler.Refused(failure, _client);
            HttpResponse.WriteError(_output, failure, connection);
        }
        else
        {
            HttpResponse.WriteAccepted(_output, accepted, connection);
        }

        await WriteAsync(_output.WrittenMemory).ConfigureAwait(false);
        return request.KeepAlive;
    }

    private (HttpRejection? Rejection, HttpRequestHead Request) ReadHead(ReadOnlySpan<byte> head)
    {
        HttpRejection? rejection = HttpRequestParser.Parse(head, out HttpRequestHead request) ?? _handler.Check(head, request);
        return (rejection, request);
    }

    /// <summary>Reads a body of <paramref name="length"/> bytes (none when negative).</summary>
    private async Task<BodyResult> ReadBodyAsync(long length)
    {
        if (length <= 0)
        {
            return BodyResult.Read;
        }

        Memory<byte> target = _body.GetMemory((int)length);
        int filled = 0;
        while (filled < target.Length)
        {
            int read = await _input!.ReadAsync(target.Slice(filled), Token).ConfigureAwait(false);
            if (read == 0)
            {
                return BodyResult.ClientLeft;
            }

            filled += read;
        }

        _body.Advance(filled);
        return BodyResult.Read;
    }

    /// <summary>Reads a chunked body.</summary>
    private async Task<BodyResult> ReadChunkedBodyAsync()
    {
        HttpInput input = _input!;
        var decoder = new ChunkedDecoder();
        while (true)
        {
            if (input.Buffered.IsEmpty && !await input.FillAsync(Token).ConfigureAwait(false))
            {
                return BodyResult.ClientLeft;
            }

            ChunkedStatus status = decoder.Decode(input.Buffered, _body, out int consumed);
            input.Consume(consumed);
            switch (status)
            {
                case ChunkedStatus.Done:
                    return BodyResult.Read;
                case ChunkedStatus.TooLarge:
                    return BodyResult.TooLarge;
                case ChunkedStatus.Malformed:
                    return BodyResult.Malformed;
            }
        }
    }

    /// <summary>Sends an error response, then closes the connection without losing the response.</summary>
    private async Task RejectAndCloseAsync(HttpRejection rejection)
    {
        _handler.Refused(rejection, _client);
        _output.ResetWrittenCount();
        HttpResponse.WriteError(_output, rejection, ConnectionHeader.Close);
        await WriteAsync(_output.WrittenMemory).ConfigureAwait(false);
        if (_stream is SslStream ssl)
        {
            await ssl.ShutdownAsync().WaitAsync(Token).ConfigureAwait(false);
        }

        _socket.Shutdown(SocketShutdown.Send);
        using var linger = new CancellationTokenSource(LingerTime);
        byte[] sink = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int drained = 0;
            int read;
            do
            {
                read = await _socket.ReceiveAsync(sink.AsMemory(), SocketFlags.None, linger.Token).ConfigureAwait(false);
                drained += read;
            }
            while (read > 0 && drained < LingerBytes);
        }
        catch (OperationCanceledException)
        {
            // The client kept sending: close anyway.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sink);
        }
    }

    /// <summary>Frees what the connection holds; <see cref="RunAsync"/> calls it when it ends.</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _socket.Dispose();
        _input?.Dispose();
        _body.Dispose();
        _deadline.Dispose();
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream!.WriteAsync(bytes, Token).ConfigureAwait(false);
        await _stream.FlushAsync(Token).ConfigureAwait(false);
    }
}

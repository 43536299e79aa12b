using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Falco.Plugins.Examples.HttpAudit.Capture;
using Falco.Plugins.Examples.HttpAudit.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Examples.HttpAudit.Http;

/// <summary>
/// The listening socket of one capture and the connections it accepted. Starting binds
/// synchronously, so an address in use fails the open; disposing stops accepting, closes
/// every connection and waits for them.
/// </summary>
internal sealed class AuditServer : IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly ServerSettings _settings;
    private readonly AuditRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<HttpConnection, Task> _connections = new();
    private readonly LogThrottle _refusalWarning = new(TimeSpan.FromSeconds(10));
    private Socket? _listener;
    private Task? _acceptLoop;

    /// <summary>Creates the server; <see cref="Start"/> binds it.</summary>
    public AuditServer(ServerSettings settings, AuditRequestHandler handler, ILogger logger)
    {
        _settings = settings;
        _handler = handler;
        _logger = logger;
    }

    /// <summary>The bound address (with the port chosen when the settings ask for port 0).</summary>
    public IPEndPoint LocalEndpoint { get; private set; } = new(IPAddress.None, 0);

    /// <summary>The URL clients post to.</summary>
    public string Url => _settings.Url(LocalEndpoint);

    /// <summary>Binds, listens and starts accepting connections.</summary>
    /// <exception cref="PluginException">The address cannot be bound.</exception>
    public void Start()
    {
        var listener = new Socket(_settings.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(_settings.Endpoint);
            listener.Listen(Math.Min(_settings.MaxConnections, 512));
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new PluginException($"cannot listen on {_settings.Endpoint}: {ex.Message}", ex);
        }

        _listener = listener;
        LocalEndpoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Stops accepting, closes the connections and waits for them.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _listener?.Dispose();
        var running = new List<Task>();
        if (_acceptLoop is not null)
        {
            running.Add(_acceptLoop);
        }

        lock (_connections)
        {
            running.AddRange(_connections.Values);
            foreach (HttpConnection connection in _connections.Keys)
            {
                connection.Abort();
            }
        }

        bool stopped;
        try
        {
            stopped = Task.WaitAll([.. running], StopTimeout);
        }
        catch (AggregateException)
        {
            // Connections report their own failures; stopping only waits for them.
            stopped = true;
        }

        // A connection still unwinding keeps using the token.
        if (stopped)
        {
            _stopping.Dispose();
        }
    }

    private async Task AcceptLoopAsync()
    {
        Socket listener = _listener!;
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                // The client gave up before the accept.
                continue;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable)
            {
                // The process is out of descriptors or memory: let connections close, then go on.
                await Task.Delay(100, _stopping.Token).ConfigureAwait(false);
                continue;
            }
            catch (Exception ex)
            {
                Log.AcceptFailed(_logger, Url, ex);
                return;
            }

            Admit(socket);
        }
    }

    private void Admit(Socket socket)
    {
        try
        {
            socket.NoDelay = true;
            StartConnection(socket);
        }
        catch (SocketException)
        {
            // The client is already gone.
            socket.Dispose();
        }
    }

    private void StartConnection(Socket socket)
    {
        lock (_connections)
        {
            if (_connections.Count >= _settings.MaxConnections)
            {
                if (_refusalWarning.TryEnter())
                {
                    Log.TooManyConnections(_logger, socket.RemoteEndPoint, _settings.MaxConnections);
                }

                socket.Dispose();
                return;
            }

            var connection = new HttpConnection(socket, _settings, _handler, _logger, _stopping.Token);
            _connections.Add(connection, Task.CompletedTask);
            _connections[connection] = Task.Run(async () =>
            {
                await connection.RunAsync().ConfigureAwait(false);
                lock (_connections)
                {
                    _connections.Remove(connection);
                }
            });
        }
    }
}

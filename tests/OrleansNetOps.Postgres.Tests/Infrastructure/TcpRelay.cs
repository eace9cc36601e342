using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Postgres.Tests.Infrastructure;

/// <summary>
/// Forwards a local port to the real PostgreSQL server. Stopping it severs every connection and refuses new ones,
/// which is what clients see when the server goes away; starting it again on the same port brings the server back.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task _acceptLoop = Task.CompletedTask;

    public TcpRelay(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
    }

    /// <summary>The local port; fixed by the first <see cref="Start"/>.</summary>
    public int Port { get; private set; }

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stopping = new CancellationTokenSource();
        _acceptLoop = AcceptAsync(listener, _stopping.Token);
    }

    public async Task StopAsync()
    {
        if (_listener is null || _stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                // Reset rather than a graceful close: a server that vanishes does not say goodbye.
                connection.Client.LingerState = new LingerOption(true, 0);
                connection.Dispose();
            }

            _connections.Clear();
        }

        _stopping.Dispose();
        _listener = null;
        _stopping = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping);
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, stopping);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(client, server, stopping);
            _ = PumpAsync(server, client, stopping);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stopping)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stopping);
            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The other pump, or StopAsync, closes both sides.
        }
    }
}

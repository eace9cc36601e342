using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Collectors.Udp;

/// <summary>
/// One bound UDP socket and its receive loop. Every datagram goes to the handler on the loop's own task, one at a
/// time, so per-exporter state needs no locks. A handler that throws is logged and counted; the loop goes on.
/// </summary>
internal sealed class UdpReceiver : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CollectorCounters _counters;
    private readonly ILogger _logger;
    private readonly Action<ReadOnlyMemory<byte>, IPEndPoint> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public UdpReceiver(IPEndPoint endpoint, CollectorCounters counters, ILogger logger, Action<ReadOnlyMemory<byte>, IPEndPoint> handler)
    {
        _counters = counters;
        _logger = logger;
        _handler = handler;
        _socket = ListenerSockets.BindUdp(endpoint, counters.Name);
    }

    public IPEndPoint LocalEndpoint => (IPEndPoint)_socket.LocalEndPoint!;

    public void Start() => _loop = Task.Run(() => ReceiveAsync(_stopping.Token));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken stopping)
    {
        var buffer = new byte[65_535];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                // ICMP port-unreachable and the like surface here on some platforms; they say nothing about us.
                _logger.LogDebug("{Collector} receive error: {Error}", _counters.Name, exception.Message);
                continue;
            }

            var source = (IPEndPoint)received.RemoteEndPoint;
            _counters.AddBytes(received.ReceivedBytes);
            try
            {
                _handler(buffer.AsMemory(0, received.ReceivedBytes), source);
            }
            catch (Exception exception)
            {
                _counters.MessageRejected("internal-error");
                _logger.LogError(exception, "{Collector} failed on a {Bytes}-byte datagram from {Source}; it is dropped and the listener goes on",
                    _counters.Name, received.ReceivedBytes, source);
            }
        }
    }
}

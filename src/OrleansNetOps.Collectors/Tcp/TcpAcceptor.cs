using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Collectors.Tcp;

/// <summary>
/// Accepts connections on a bound, listening socket and serves each on its own task until stopped; stopping closes
/// the listener and waits for every connection to finish. Shared by the TCP collectors.
/// </summary>
internal sealed class TcpAcceptor(Socket listener, string name, ILogger logger, Func<Socket, CancellationToken, Task> serve) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private Task? _loop;
    private int _disposed;

    /// <summary>Starts the accept loop.</summary>
    public void Start() => _loop = AcceptAsync(_stopping.Token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (!stopping.IsCancellationRequested)
                {
                    logger.LogError(exception, "{Collector} accept failed; the collector stops accepting", name);
                }

                return;
            }

            var task = Task.Run(() => serve(socket, stopping), CancellationToken.None);
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(task);
            }
        }
    }
}

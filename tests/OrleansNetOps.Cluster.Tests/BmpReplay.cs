using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Cluster.Tests;

/// <summary>
/// A router that is not in the lab: a real BMP capture sent to every silo at once, as FRR does with several
/// <c>bmp connect</c> targets. When a silo closes the session (the router grain asks a standby to start over) or the
/// silo dies, it connects again and re-sends everything, which is BMP's own recovery.
/// </summary>
internal sealed class BmpReplay : IAsyncDisposable
{
    private static readonly TimeSpan s_retry = TimeSpan.FromMilliseconds(100);
    private readonly byte[] _stream;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];

    public BmpReplay(byte[] stream, IEnumerable<int> ports)
    {
        _stream = stream;
        foreach (var port in ports)
        {
            _sessions.Add(Task.Run(() => RunAsync(port, _stop.Token)));
        }
    }

    public int Sessions;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_sessions);
        _stop.Dispose();
    }

    private async Task RunAsync(int port, CancellationToken stop)
    {
        var buffer = new byte[4096];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, stop);
                var stream = client.GetStream();
                await stream.WriteAsync(_stream, stop);
                Interlocked.Increment(ref Sessions);

                // Stay connected, as a router does, until the collector closes the session or goes away.
                while (await stream.ReadAsync(buffer, stop) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is SocketException or IOException)
            {
                // The silo is down or closed us: try again shortly.
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(s_retry, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

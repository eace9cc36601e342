using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Lab.Tests;

/// <summary>A BMP station on the root namespace's 127.0.0.1 (free port) that decodes and keeps everything it receives.</summary>
public sealed class BmpCollector : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<CollectedBmp> _messages = [];
    private readonly List<string> _errors = [];
    private readonly List<Task> _connections = [];
    private Task _accepting = Task.CompletedTask;

    /// <summary>The port bgpd must connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Everything received so far.</summary>
    public IReadOnlyList<CollectedBmp> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Decoding and framing failures (should stay empty).</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_messages)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Starts listening.</summary>
    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the messages received; false on timeout.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<CollectedBmp>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Messages))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _connections]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_messages)
            {
                _connections.Add(ReadAsync(client));
            }
        }
    }

    private async Task ReadAsync(TcpClient client)
    {
        using var connection = client;
        var stream = client.GetStream();
        var reader = new BmpReader();
        var buffer = new byte[1 << 16];
        var filled = 0;
        string? sysName = null;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                var offset = 0;
                while (true)
                {
                    var frame = BmpFraming.Frame(buffer.AsSpan(offset, filled - offset));
                    if (frame.Status == BmpFrameStatus.FramingLost)
                    {
                        lock (_messages)
                        {
                            _errors.Add($"{sysName}: framing lost: {frame.Error}");
                        }

                        return;
                    }

                    if (frame.Status == BmpFrameStatus.NeedMoreData)
                    {
                        break;
                    }

                    try
                    {
                        var message = reader.Decode(buffer.AsSpan(offset, frame.Length));
                        if (message is BmpInitiation initiation)
                        {
                            sysName = initiation.SysName;
                        }

                        lock (_messages)
                        {
                            _messages.Add(new CollectedBmp(sysName, message, DateTime.UtcNow));
                        }
                    }
                    catch (BgpDecodeException exception)
                    {
                        lock (_messages)
                        {
                            _errors.Add($"{sysName}: {exception.Message}");
                        }
                    }

                    offset += frame.Length;
                }

                buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
                filled -= offset;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The lab went down or the collector stopped.
        }
    }
}

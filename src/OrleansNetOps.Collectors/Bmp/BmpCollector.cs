using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Wire;
using OrleansNetOps.Collectors.Tcp;

namespace OrleansNetOps.Collectors.Bmp;

/// <summary>
/// The BMP listener: many routers at once, one <see cref="PipeReader"/> per connection. A malformed message is
/// logged with router and byte offset, counted, and skipped by its length; when the framing itself is lost
/// (bad version or length) the connection is closed. Neither ever affects the process or another router.
/// </summary>
public sealed class BmpCollector : IAsyncDisposable
{
    private readonly BmpCollectorOptions _options;
    private readonly IBmpBatchSink _sink;
    private readonly ILogger _logger;
    private TcpAcceptor? _acceptor;
    private long _connectionSequence;
    private int _openConnections;
    private int _disposed;

    /// <summary>Creates the collector; <see cref="StartAsync"/> binds it.</summary>
    public BmpCollector(BmpCollectorOptions options, IBmpBatchSink sink, ILogger<BmpCollector> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Counters and health.</summary>
    public CollectorCounters Counters { get; } = new("bmp", "tcp/bmp");

    /// <summary>The bound endpoint.</summary>
    public IPEndPoint? LocalEndpoint { get; private set; }

    /// <summary>Connections open now.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>Binds and starts accepting.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        var listener = new Socket(_options.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(_options.Endpoint);
        listener.Listen(128);
        LocalEndpoint = (IPEndPoint)listener.LocalEndPoint!;
        Counters.Port = LocalEndpoint.Port;
        Counters.Listening = true;
        _acceptor = new TcpAcceptor(listener, "BMP", _logger, ServeAsync);
        _acceptor.Start();
        _logger.LogInformation("BMP collector listening on {Endpoint}", LocalEndpoint);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Counters.Listening = false;
        if (_acceptor is not null)
        {
            await _acceptor.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        var connection = new BmpConnection($"{remote}#{Interlocked.Increment(ref _connectionSequence)}", remote, null, null);
        var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        var decoder = new BmpReader();
        long offset = 0;
        Interlocked.Increment(ref _openConnections);
        _logger.LogInformation("BMP connection from {Remote}", remote);
        try
        {
            var open = true;
            while (open && !stopping.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(stopping).ConfigureAwait(false);
                var buffer = result.Buffer;
                var batch = new List<BmpMessage>();
                var framingLost = false;
                while (batch.Count < _options.MaxBatch)
                {
                    var frame = BmpFraming.Frame(buffer);
                    if (frame.Status == BmpFrameStatus.NeedMoreData)
                    {
                        break;
                    }

                    if (frame.Status == BmpFrameStatus.FramingLost)
                    {
                        Counters.MessageRejected("framing-lost");
                        _logger.LogWarning("BMP framing lost from {Router} ({Remote}) at stream offset {Offset}: {Error}; closing the connection",
                            connection.RouterLabel, remote, offset, frame.Error);
                        framingLost = true;
                        break;
                    }

                    var message = buffer.Slice(0, frame.Length);
                    Counters.MessageReceived(connection.RouterLabel);
                    Counters.AddBytes(frame.Length);
                    try
                    {
                        var decoded = decoder.Decode(message);
                        Counters.MessageParsed();
                        if (decoded is BmpInitiation initiation)
                        {
                            connection = connection with { SysName = initiation.SysName ?? connection.SysName, SysDescr = initiation.SysDescr ?? connection.SysDescr };
                        }

                        batch.Add(decoded);
                    }
                    catch (BgpDecodeException error)
                    {
                        Counters.MessageRejected(error.Field);
                        _logger.LogWarning("Malformed BMP message from {Router} ({Remote}) at stream offset {Offset} (+{Inner} in the message): {Error}; skipped {Length} bytes",
                            connection.RouterLabel, remote, offset, error.Offset, error.Message, frame.Length);
                    }

                    offset += frame.Length;
                    buffer = buffer.Slice(frame.Length);
                }

                // Stopped short of the batch limit: the buffer holds no further complete message.
                var exhausted = batch.Count < _options.MaxBatch;
                open = !framingLost && !(result.IsCompleted && exhausted);
                if (!open && !framingLost && buffer.Length > 0)
                {
                    Counters.MessageRejected("truncated-at-close");
                    _logger.LogWarning("BMP connection from {Router} closed inside a message at stream offset {Offset} ({Bytes} bytes dropped)",
                        connection.RouterLabel, offset, buffer.Length);
                }

                if (exhausted)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
                else
                {
                    // More complete messages wait in the buffer: do not mark them examined, or the next read would wait for new bytes.
                    reader.AdvanceTo(buffer.Start);
                }
                if (batch.Count > 0 || !open)
                {
                    await _sink.DeliverAsync(connection, batch, closed: !open, stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (BmpSessionRefusedException refused)
        {
            Counters.MessageRejected("session-refused");
            _logger.LogWarning("BMP session from {Router} ({Remote}) refused: {Reason}", connection.RouterLabel, remote, refused.Message);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            _logger.LogInformation("BMP connection from {Router} ({Remote}) ended: {Error}", connection.RouterLabel, remote, exception.Message);
            await DeliverClosedAsync(connection).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "BMP connection from {Router} ({Remote}) failed; the connection is closed", connection.RouterLabel, remote);
            await DeliverClosedAsync(connection).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _openConnections);
            await reader.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task DeliverClosedAsync(BmpConnection connection)
    {
        try
        {
            await _sink.DeliverAsync(connection, [], closed: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "BMP sink failed on close of {Router}", connection.RouterLabel);
        }
    }
}

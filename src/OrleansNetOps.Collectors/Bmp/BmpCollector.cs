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
        var listener = ListenerSockets.ListenTcp(_options.Endpoint, "BMP");
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
        var session = new Session($"{remote}#{Interlocked.Increment(ref _connectionSequence)}", remote);
        var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        // While a standby, wake the read loop now and then even if the router is quiet, to ask whether to take over.
        using var probe = new Timer(_ => reader.CancelPendingRead(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var builder = new BmpFrameBatchBuilder();
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
                var framed = 0;
                var framingLost = false;
                while (framed < _options.MaxBatch)
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
                            session.Label, remote, offset, frame.Error);
                        framingLost = true;
                        break;
                    }

                    var message = buffer.Slice(0, frame.Length);
                    Counters.AddBytes(frame.Length);
                    Identify(session, message);
                    if (session.Standby)
                    {
                        session.Withheld++;
                    }
                    else
                    {
                        builder.Add(message, offset);
                    }

                    offset += frame.Length;
                    buffer = buffer.Slice(frame.Length);
                    framed++;
                }

                // Stopped short of the batch limit: the buffer holds no further complete message.
                var exhausted = framed < _options.MaxBatch;
                open = !framingLost && !(result.IsCompleted && exhausted);
                if (!open && !framingLost && buffer.Length > 0)
                {
                    Counters.MessageRejected("truncated-at-close");
                    _logger.LogWarning("BMP connection from {Router} closed inside a message at stream offset {Offset} ({Bytes} bytes dropped)",
                        session.Label, offset, buffer.Length);
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

                if (session.RouterId is null && (builder.Count >= _options.MaxMessagesBeforeIdentity || !open))
                {
                    Fix(session, session.SysName ?? remote.Address.ToString());
                }

                if (session.RouterId is null)
                {
                    continue;
                }

                if (session.Standby)
                {
                    if (session.Withheld > 0)
                    {
                        Counters.MessagesReceived(session.Label, session.Withheld);
                        session.Withheld = 0;
                    }

                    if (open && Environment.TickCount64 - session.LastProbe < (long)_options.StandbyProbeInterval.TotalMilliseconds)
                    {
                        continue;
                    }

                    session.LastProbe = Environment.TickCount64;
                }
                else if (builder.Count == 0 && open)
                {
                    continue;
                }

                var batch = builder.Take(offset);
                if (batch.Count > 0)
                {
                    Counters.MessagesReceived(session.Label, batch.Count);
                }

                var outcome = await _sink.DeliverAsync(session.Connection, batch, closed: !open, stopping).ConfigureAwait(false);
                if (!Settle(session, outcome, probe))
                {
                    open = false;
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
            _logger.LogWarning("BMP session from {Router} ({Remote}) refused: {Reason}", session.Label, remote, refused.Message);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            _logger.LogInformation("BMP connection from {Router} ({Remote}) ended: {Error}", session.Label, remote, exception.Message);
            await DeliverClosedAsync(session).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "BMP connection from {Router} ({Remote}) failed; the connection is closed", session.Label, remote);
            await DeliverClosedAsync(session).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _openConnections);
            await reader.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Learns the sysName and sysDescr from an Initiation, and fixes the router at the Initiation (when the sysName
    // names a configured router) or at the first Peer Up (whose BGP identifier may). Messages that do not decode here
    // are left for the router, which reports them.
    private void Identify(Session session, in ReadOnlySequence<byte> message)
    {
        var type = (BmpMessageType)message.Slice(5, 1).FirstSpan[0];
        if (type is not (BmpMessageType.Initiation or BmpMessageType.PeerUp) || (type == BmpMessageType.PeerUp && session.RouterId is not null))
        {
            return;
        }

        BmpMessage decoded;
        try
        {
            decoded = session.Peek.Decode(message);
        }
        catch (BgpDecodeException)
        {
            return;
        }

        if (decoded is BmpInitiation initiation)
        {
            session.SysName = initiation.SysName ?? session.SysName;
            session.SysDescr = initiation.SysDescr ?? session.SysDescr;
            if (session.RouterId is null && _sink.MatchRouter(session.SysName, null) is { } configured)
            {
                Fix(session, configured);
            }
        }
        else if (decoded is BmpPeerUp peerUp)
        {
            Fix(session, _sink.MatchRouter(session.SysName, peerUp.SentOpen.BgpIdentifier) ?? session.SysName ?? session.Remote.Address.ToString());
        }
    }

    private void Fix(Session session, string routerId)
    {
        session.RouterId = routerId;
        _logger.LogInformation("BMP session {Connection} is router {RouterId} (sysName {SysName})", session.Id, routerId, session.SysName ?? "-");
    }

    /// <returns>False when the connection must close so the router starts over.</returns>
    private bool Settle(Session session, BmpBatchOutcome outcome, Timer probe)
    {
        switch (outcome.Disposition)
        {
            case BmpBatchDisposition.Applied:
                Counters.MessagesParsed(outcome.Parsed);
                foreach (var reject in outcome.Rejects)
                {
                    Counters.MessageRejected(reject.Field);
                    _logger.LogWarning("Malformed BMP message from {Router} ({Remote}) at stream offset {Offset}: {Error}; skipped {Length} bytes",
                        session.Label, session.Remote, reject.Offset, reject.Error, reject.Length);
                }

                return true;
            case BmpBatchDisposition.Standby:
                if (!session.Standby)
                {
                    session.Standby = true;
                    session.LastProbe = Environment.TickCount64;
                    probe.Change(_options.StandbyProbeInterval, _options.StandbyProbeInterval);
                    _logger.LogInformation("BMP session {Connection} of router {RouterId} is a standby: another collector session is the primary",
                        session.Id, session.RouterId);
                }

                return true;
            default:
                _logger.LogInformation("BMP session {Connection} of router {RouterId} closes so that the router re-sends its state: {Reason}",
                    session.Id, session.RouterId, session.Standby ? "the primary session is gone" : "the router's state was lost");
                return false;
        }
    }

    private async Task DeliverClosedAsync(Session session)
    {
        if (session.RouterId is null)
        {
            return;
        }

        try
        {
            await _sink.DeliverAsync(session.Connection, BmpFrameBatch.Empty(0), closed: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "BMP sink failed on close of {Router}", session.Label);
        }
    }

    /// <summary>What the collector tracks of one connection.</summary>
    private sealed class Session(string id, IPEndPoint remote)
    {
        public string Id { get; } = id;

        public IPEndPoint Remote { get; } = remote;

        /// <summary>Decodes only what names the router (Initiation, Peer Up); the router decodes everything.</summary>
        public BmpReader Peek { get; } = new();

        public string? SysName { get; set; }

        public string? SysDescr { get; set; }

        public string? RouterId { get; set; }

        public bool Standby { get; set; }

        public int Withheld { get; set; }

        public long LastProbe { get; set; }

        public string Label => RouterId ?? SysName ?? Remote.Address.ToString();

        public BmpConnection Connection => new(Id, Remote, RouterId!, SysName, SysDescr);
    }
}

using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Collectors.Tcp;
using OrleansNetOps.Collectors.Udp;
using OrleansNetOps.Telemetry.Parsing;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Collectors.Syslog;

/// <summary>
/// Syslog over UDP (one message per datagram) and TCP (RFC 6587 octet counting or LF framing, detected per
/// connection) on the same port, and optionally over a Unix-domain datagram socket for routers on the same host
/// (FRR's <c>destination unix PATH</c>). RFC 5424 and RFC 3164 are both accepted. A message that does not parse is logged
/// with its source and offset, counted by reason and skipped; it never costs the messages around it.
/// </summary>
public sealed class SyslogCollector : IAsyncDisposable
{
    private readonly SyslogCollectorOptions _options;
    private readonly ISyslogStore _store;
    private readonly CollectorRouterMap _routerOf;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _disposed;
    private UdpReceiver? _udp;
    private UnixDatagramReceiver? _unix;
    private Socket? _tcp;
    private TcpAcceptor? _acceptor;

    /// <summary>Creates the collector; <see cref="StartAsync"/> binds it.</summary>
    public SyslogCollector(SyslogCollectorOptions options, ISyslogStore store, CollectorRouterMap routerOf, TimeProvider time, ILogger<SyslogCollector> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _routerOf = routerOf ?? throw new ArgumentNullException(nameof(routerOf));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Counters = new("syslog", options.UnixPath is null ? "udp+tcp/syslog" : "udp+tcp+unix/syslog");
    }

    /// <summary>Counters and health (UDP, TCP and the Unix socket together).</summary>
    public CollectorCounters Counters { get; }

    /// <summary>The bound port.</summary>
    public int Port => Counters.Port;

    /// <summary>Binds TCP and UDP on the same port, and the Unix socket when configured, and starts receiving.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        // With port 0 the TCP port is chosen first and UDP takes the same number; should that one be taken for
        // UDP, try again with a new pair.
        for (var attempt = 0; ; attempt++)
        {
            var tcp = ListenerSockets.ListenTcp(_options.Endpoint, "Syslog");
            try
            {
                var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
                _udp = new UdpReceiver(new IPEndPoint(_options.Endpoint.Address, port), Counters, _logger, OnDatagram);
                _tcp = tcp;
                Counters.Port = port;
                break;
            }
            catch (ListenerInUseException) when (_options.Endpoint.Port == 0 && attempt < 10)
            {
                tcp.Dispose();
            }
            catch
            {
                tcp.Dispose();
                throw;
            }
        }

        if (_options.UnixPath is not null)
        {
            try
            {
                _unix = new UnixDatagramReceiver(_options.UnixPath, Counters, _logger, OnUnixDatagram);
            }
            catch
            {
                // Nothing half-open may outlive a failed start (the UDP loop has not started, so disposing is
                // immediate), and a later DisposeAsync must not dispose these twice.
                _tcp.Dispose();
                _ = _udp.DisposeAsync().AsTask();
                _tcp = null;
                _udp = null;
                throw;
            }
        }

        _udp.Start();
        _unix?.Start();
        _acceptor = new TcpAcceptor(_tcp!, "Syslog TCP", _logger, ServeAsync);
        _acceptor.Start();
        Counters.Listening = true;
        _logger.LogInformation("Syslog collector listening on {Address}:{Port} (UDP and TCP){Unix}", _options.Endpoint.Address, Counters.Port,
            _unix is null ? string.Empty : $" and on the Unix datagram socket {_unix.Path}");
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
        else
        {
            _tcp?.Dispose();
        }

        if (_udp is not null)
        {
            await _udp.DisposeAsync().ConfigureAwait(false);
        }

        if (_unix is not null)
        {
            await _unix.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnDatagram(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        OnMessage(datagram.Span, address, address.ToString(), "udp", "UDP datagram");
    }

    // A Unix-socket sender runs on this host, so for the router map it stands where a loopback sender would: the
    // message's host name decides, exactly as for a router sending over UDP from 127.0.0.1.
    private void OnUnixDatagram(ReadOnlyMemory<byte> datagram) =>
        OnMessage(datagram.Span, IPAddress.Loopback, UnixDatagramReceiver.SourceName(_unix!.Path), "unix", "Unix datagram");

    private void OnMessage(ReadOnlySpan<byte> datagram, IPAddress address, string source, string transport, string where)
    {
        Counters.MessageReceived(source);
        var now = _time.GetUtcNow();
        // Many senders (FRR's RFC 5424 output among them) end a datagram with a line break that is not part of the message.
        var span = datagram.TrimEnd((byte)'\n').TrimEnd((byte)'\r');
        if (SyslogParser.TryParse(span, now, out var message, out var error))
        {
            Keep(message, address, source, transport, now);
        }
        else
        {
            Reject(error, source, where);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        var address = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
        var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        var decoder = new SyslogStreamDecoder(_options.MaxMessageLength);
        var messages = new List<SyslogMessage>();
        var errors = new List<TelemetryParseError>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(stopping).ConfigureAwait(false);
                var buffer = result.Buffer;
                Counters.AddBytes(buffer.Length);
                var now = _time.GetUtcNow();
                if (result.IsCompleted)
                {
                    decoder.Complete(ref buffer, now, messages, errors);
                }
                else
                {
                    decoder.Decode(ref buffer, now, messages, errors);
                }

                Drain(messages, errors, address, now);
                if (result.IsCompleted)
                {
                    reader.AdvanceTo(buffer.End);
                    break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            _logger.LogInformation("Syslog TCP connection from {Remote} ended: {Error}", remote, exception.Message);
        }
        catch (Exception exception)
        {
            Counters.MessageRejected("internal-error");
            _logger.LogError(exception, "Syslog TCP connection from {Remote} failed; the connection is closed", remote);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Drain(List<SyslogMessage> messages, List<TelemetryParseError> errors, IPAddress address, DateTimeOffset now)
    {
        foreach (var message in messages)
        {
            Counters.MessageReceived(address.ToString());
            Keep(message, address, address.ToString(), "tcp", now);
        }

        foreach (var error in errors)
        {
            Counters.MessageReceived(address.ToString());
            Reject(error, address.ToString(), "TCP stream");
        }

        messages.Clear();
        errors.Clear();
    }

    private void Keep(SyslogMessage message, IPAddress address, string source, string transport, DateTimeOffset now)
    {
        Counters.MessageParsed();
        var router = _routerOf(message.Hostname, address);
        _store.Add(new StoredSyslogMessage(message.Timestamp ?? now, now, router, source, transport, message));
    }

    private void Reject(TelemetryParseError error, string source, string where)
    {
        Counters.MessageRejected(RejectReason.Of(error.Reason));
        _logger.LogWarning("Malformed syslog message from {Source} in the {Where} at offset {Offset}: {Reason}; skipped", source, where, error.Offset, error.Reason);
    }
}

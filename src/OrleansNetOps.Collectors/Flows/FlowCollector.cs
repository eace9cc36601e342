using System.Net;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Collectors.Udp;
using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Collectors.Flows;

/// <summary>
/// NetFlow v5/v9 and IPFIX over UDP. Each exporter address gets its own <see cref="FlowDecoder"/>, so templates of
/// one exporter never decode another's data; data that arrives before its template is held by the decoder and
/// counted. A malformed datagram is logged with its source and byte offset, counted by reason and dropped.
/// </summary>
public sealed class FlowCollector : IAsyncDisposable
{
    private static readonly TimeSpan ExpiryInterval = TimeSpan.FromSeconds(30);
    private readonly FlowCollectorOptions _options;
    private readonly IFlowStore _store;
    private readonly CollectorRouterMap _routerOf;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    // Touched only by the receive loop.
    private readonly Dictionary<IPAddress, FlowDecoder> _decoders = [];
    private readonly List<FlowDataRecord> _records = [];
    private DateTimeOffset _lastExpiry;
    private long _held;
    private long _flows;
    private UdpReceiver? _udp;

    /// <summary>Creates the collector; <see cref="StartAsync"/> binds it.</summary>
    public FlowCollector(FlowCollectorOptions options, IFlowStore store, CollectorRouterMap routerOf, TimeProvider time, ILogger<FlowCollector> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _routerOf = routerOf ?? throw new ArgumentNullException(nameof(routerOf));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Counters and health; a datagram is one message.</summary>
    public CollectorCounters Counters { get; } = new("flows", "udp/netflow-ipfix");

    /// <summary>Flow records decoded (a datagram carries many).</summary>
    public long Flows => Interlocked.Read(ref _flows);

    /// <summary>Data sets held so far because their template had not arrived yet.</summary>
    public long HeldBeforeTemplate => Interlocked.Read(ref _held);

    /// <summary>Binds and starts receiving.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _udp = new UdpReceiver(_options.Endpoint, Counters, _logger, OnDatagram);
        Counters.Port = _udp.LocalEndpoint.Port;
        _lastExpiry = _time.GetUtcNow();
        _udp.Start();
        Counters.Listening = true;
        _logger.LogInformation("Flow collector listening on {Endpoint} (NetFlow v5/v9, IPFIX)", _udp.LocalEndpoint);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Counters.Listening = false;
        if (_udp is not null)
        {
            await _udp.DisposeAsync().ConfigureAwait(false);
            _udp = null;
        }
    }

    private void OnDatagram(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        var exporter = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        Counters.MessageReceived(exporter.ToString());
        var now = _time.GetUtcNow();
        if (!_decoders.TryGetValue(exporter, out var decoder))
        {
            decoder = new FlowDecoder(_options.Decoder);
            _decoders[exporter] = decoder;
        }

        var heldBefore = decoder.Statistics.PendingHeld;
        _records.Clear();
        var ok = decoder.TryDecode(datagram.Span, exporter, now, _records, out var error);
        Interlocked.Add(ref _held, decoder.Statistics.PendingHeld - heldBefore);
        var router = _routerOf(null, exporter);
        foreach (var record in _records)
        {
            if (FlowRecord.From(record) is { } flow)
            {
                _store.Add(router, flow, now);
                Interlocked.Increment(ref _flows);
            }
        }

        if (ok)
        {
            Counters.MessageParsed();
        }
        else
        {
            Counters.MessageRejected(RejectReason.Of(error.Reason));
            _logger.LogWarning("Malformed flow datagram from {Source} at offset {Offset}: {Reason}; {Records} records before the fault kept",
                exporter, error.Offset, error.Reason, _records.Count);
        }

        if (now - _lastExpiry > ExpiryInterval)
        {
            _lastExpiry = now;
            foreach (var d in _decoders.Values)
            {
                d.Expire(now);
            }
        }
    }
}

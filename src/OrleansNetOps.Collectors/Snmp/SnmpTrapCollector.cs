using System.Net;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Collectors.Udp;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Storage;

namespace OrleansNetOps.Collectors.Snmp;

/// <summary>
/// SNMP traps (v1, v2c) over UDP. A datagram that is not a well-formed trap is logged with its source and byte
/// offset, counted by reason and dropped. The router is the v1 agent address when given, else the sender.
/// </summary>
public sealed class SnmpTrapCollector : IAsyncDisposable
{
    private readonly SnmpTrapCollectorOptions _options;
    private readonly ITelemetryLog<StoredTrap> _store;
    private readonly CollectorRouterMap _routerOf;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private UdpReceiver? _udp;

    /// <summary>Creates the collector; <see cref="StartAsync"/> binds it.</summary>
    public SnmpTrapCollector(SnmpTrapCollectorOptions options, ITelemetryLog<StoredTrap> store, CollectorRouterMap routerOf, TimeProvider time, ILogger<SnmpTrapCollector> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _routerOf = routerOf ?? throw new ArgumentNullException(nameof(routerOf));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Counters and health.</summary>
    public CollectorCounters Counters { get; } = new("snmp-traps", "udp/snmp-trap");

    /// <summary>Binds and starts receiving.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _udp = new UdpReceiver(_options.Endpoint, Counters, _logger, OnDatagram);
        Counters.Port = _udp.LocalEndpoint.Port;
        _udp.Start();
        Counters.Listening = true;
        _logger.LogInformation("SNMP trap collector listening on {Endpoint}", _udp.LocalEndpoint);
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
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        Counters.MessageReceived(address.ToString());
        if (SnmpTrapParser.TryParse(datagram.Span, out var trap, out var error))
        {
            Counters.MessageParsed();
            var router = _routerOf(null, trap.AgentAddress is { } agent && !agent.Equals(IPAddress.Any) ? agent : address);
            _store.Add(new StoredTrap(_time.GetUtcNow(), router, address.ToString(), trap));
        }
        else
        {
            Counters.MessageRejected(RejectReason.Of(error.Reason));
            _logger.LogWarning("Malformed SNMP trap from {Source} at offset {Offset}: {Reason}; dropped", address, error.Offset, error.Reason);
        }
    }
}

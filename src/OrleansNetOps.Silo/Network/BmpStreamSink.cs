using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Runtime;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Network;

/// <summary>
/// Puts what the BMP collector decodes on the router's telemetry stream. The router id is the topology id when
/// the sysName (or a Peer Up's router-id) matches a router of topology.yaml, else the sysName. The simulated
/// network and real routers never mix: with <c>network.simulated</c> on, only the simulator is accepted, and off, only real routers.
/// </summary>
public sealed class BmpStreamSink(IServiceProvider services, NetworkTopology topology, SiloConfig config, TimeProvider time, ILogger<BmpStreamSink> logger)
    : IBmpBatchSink
{
    /// <summary>The sysDescr the simulated network announces itself with.</summary>
    public const string SimulatedSysDescr = "OrleansNetOps simulated network";

    /// <inheritdoc />
    public async ValueTask DeliverAsync(BmpConnection connection, IReadOnlyList<BmpMessage> messages, bool closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(messages);
        var simulated = connection.SysDescr?.StartsWith(SimulatedSysDescr, StringComparison.Ordinal) ?? false;
        if (connection.SysDescr is not null && simulated != config.Network.Simulated)
        {
            throw new BmpSessionRefusedException(simulated
                ? $"the simulated network is switched off (network.simulated: false); refusing {connection.RouterLabel}"
                : $"network.simulated is true, so real routers are not mixed in; refusing {connection.RouterLabel} ({connection.SysDescr}). Set network.simulated: false (NETOPS__Network__Simulated=false) to monitor real routers");
        }

        var routerId = RouterIdFor(connection, messages);
        var stream = services.GetRequiredKeyedService<IStreamProvider>(TelemetryStreams.Provider)
            .GetStream<BmpBatch>(StreamId.Create(TelemetryStreams.Bmp, routerId));
        await stream.OnNextAsync(new BmpBatch(connection.Id, time.GetUtcNow(), messages, simulated, closed), cancellationToken).ConfigureAwait(false);
        if (closed)
        {
            logger.LogInformation("BMP session of router {RouterId} ({Remote}) closed", routerId, connection.Remote);
        }
    }

    private string RouterIdFor(BmpConnection connection, IReadOnlyList<BmpMessage> messages)
    {
        var routerIdFromOpen = messages.OfType<BmpPeerUp>().FirstOrDefault()?.SentOpen.BgpIdentifier;
        return topology.MatchRouter(connection.SysName, routerIdFromOpen)?.Id ?? connection.SysName ?? connection.Remote.Address.ToString();
    }
}

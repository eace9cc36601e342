using System.Net;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Network;

/// <summary>
/// Hands what the BMP collector reads to the router's grain, raw. A session's router is the topology router whose
/// hostname matches the sysName or whose router-id matches the BGP identifier of its first Peer Up, else the sysName;
/// the collector fixes it once per connection. The simulated network and real routers never mix: with
/// <c>network.simulated</c> on, only the simulator is accepted, and off, only real routers.
/// </summary>
public sealed class BmpRouterSink(IGrainFactory grains, NetworkTopology topology, SiloConfig config, TimeProvider time, ILogger<BmpRouterSink> logger)
    : IBmpBatchSink
{
    /// <summary>The sysDescr the simulated network announces itself with.</summary>
    public const string SimulatedSysDescr = "OrleansNetOps simulated network";

    /// <inheritdoc />
    public string? MatchRouter(string? sysName, IPAddress? bgpIdentifier) => topology.MatchRouter(sysName, bgpIdentifier)?.Id;

    /// <inheritdoc />
    public async ValueTask<BmpBatchOutcome> DeliverAsync(BmpConnection connection, BmpFrameBatch frames, bool closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(frames);
        var simulated = connection.SysDescr?.StartsWith(SimulatedSysDescr, StringComparison.Ordinal) ?? false;
        if (connection.SysDescr is not null && simulated != config.Network.Simulated)
        {
            throw new BmpSessionRefusedException(simulated
                ? $"the simulated network is switched off (network.simulated: false); refusing {connection.RouterId}"
                : $"network.simulated is true, so real routers are not mixed in; refusing {connection.RouterId} ({connection.SysDescr}). Set network.simulated: false (NETOPS__Network__Simulated=false) to monitor real routers");
        }

        var outcome = await grains.GetGrain<IRouterGrain>(connection.RouterId)
            .ReceiveAsync(new BmpDelivery(connection.Id, time.GetUtcNow(), frames, simulated, closed))
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        if (closed)
        {
            logger.LogInformation("BMP session of router {RouterId} ({Remote}) closed", connection.RouterId, connection.Remote);
        }

        return outcome;
    }
}

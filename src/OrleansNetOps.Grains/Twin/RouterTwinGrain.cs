using System.Net;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Grains.Twin;

/// <summary>
/// A router's node of the twin: it turns the router grain's live view into twin inputs (what its ISPs send, which of
/// its links are down). The network twin grain gathers these to converge the baseline.
/// </summary>
[GrainType("router-twin")]
public sealed class RouterTwinGrain(NetworkTopology topology) : Grain, IRouterTwinGrain
{
    /// <inheritdoc />
    public async Task<RouterTwinInputs> GetInputsAsync()
    {
        var id = this.GetPrimaryKeyString();
        var router = GrainFactory.GetGrain<IRouterGrain>(id);
        if ((await router.GetSummaryAsync()).Status == RouterStatus.Unknown)
        {
            return new RouterTwinInputs(id, [], [], Live: false);
        }

        var down = DownLinks(topology, id, await router.GetPeersAsync());
        var feeds = new List<TwinFeed>();
        foreach (var external in await router.GetExternalRoutesAsync())
        {
            if (topology.NodeWithAddress(IPAddress.Parse(external.PeerAddress)) is { } isp && topology.Isp(isp) is not null)
            {
                feeds.Add(new TwinFeed(id, isp, external.Routes));
            }
        }

        return new RouterTwinInputs(id, feeds, down, Live: true);
    }

    /// <summary>The names of <paramref name="router"/>'s links whose session BMP reports not established.</summary>
    internal static List<string> DownLinks(NetworkTopology topology, string router, IReadOnlyList<PeerStatus> peers) =>
        [.. topology.LinksOf(router)
            .Where(link => peers.FirstOrDefault(p => p.PeerAddress == link.AddressOf(link.Other(router)).ToString()) is { State: not "established" })
            .Select(link => link.Name)];
}

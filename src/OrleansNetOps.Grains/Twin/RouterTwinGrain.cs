using System.Net;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Runtime;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Model;

namespace OrleansNetOps.Grains.Twin;

/// <summary>
/// A router's node of the twin: it owns the router's policy (the topology's default until told otherwise) and turns
/// the router grain's live view into twin inputs. The network twin grain gathers these to converge the baseline.
/// </summary>
[GrainType("router-twin")]
public sealed class RouterTwinGrain(NetworkTopology topology) : Grain, IRouterTwinGrain
{
    private RoutingPolicy? _policy;

    /// <inheritdoc />
    public async Task<RouterTwinInputs> GetInputsAsync()
    {
        var id = this.GetPrimaryKeyString();
        var policy = _policy ??= DefaultPolicies.For(topology)[id];
        var router = GrainFactory.GetGrain<IRouterGrain>(id);
        if ((await router.GetSummaryAsync()).Status == RouterStatus.Unknown)
        {
            return new RouterTwinInputs(id, policy, [], [], Live: false);
        }

        var peers = await router.GetPeersAsync();
        var down = topology.LinksOf(id)
            .Where(link => peers.FirstOrDefault(p => p.PeerAddress == link.AddressOf(link.Other(id)).ToString()) is { State: not "established" })
            .Select(link => link.Name)
            .ToList();
        var feeds = new List<ExternalFeed>();
        foreach (var external in await router.GetExternalRoutesAsync())
        {
            if (topology.NodeWithAddress(IPAddress.Parse(external.PeerAddress)) is { } isp && topology.Isp(isp) is not null)
            {
                feeds.Add(new ExternalFeed(id, isp, [.. external.Routes.Select(r => new ReceivedRoute(r.Route.Prefix, r.Attributes, r.Attributes.NextHop))]));
            }
        }

        return new RouterTwinInputs(id, policy, feeds, down, Live: true);
    }

    /// <inheritdoc />
    public Task SetPolicyAsync(RoutingPolicy policy)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        return Task.CompletedTask;
    }
}

using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>Reads what each of our routers would report over BMP out of a converged twin state.</summary>
public static class SimulatedNetworkViews
{
    /// <summary>The view of every router of the topology in <paramref name="state"/>.</summary>
    public static IReadOnlyList<SimulatedRouterView> Of(TwinState state, NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(topology);
        var prefixes = state.Prefixes.Order().ToList();
        return [.. topology.Routers.Select(router => Of(state, topology, router, prefixes))];
    }

    private static SimulatedRouterView Of(TwinState state, NetworkTopology topology, RouterNode router, IReadOnlyList<IpPrefix> prefixes)
    {
        var node = state.Model.Nodes[state.Model.IndexOf(router.Id)];
        var paths = prefixes.Select(p => (Prefix: p, Paths: state.Paths(router.Id, p))).ToList();
        var sessions = node.Sessions.Select(session =>
        {
            var link = topology.Links[session.LinkIndex];
            var received = paths
                .SelectMany(p => p.Paths.Where(c => c.Path.Peer.Address.Equals(session.Peer.Address))
                    .Select(c => new SimulatedRoute(p.Prefix, c.Path.Attributes with { NextHop = c.Path.EffectiveNextHop })))
                .ToList();
            return new SimulatedSession(session.Peer.Address, session.Peer.Asn, session.Peer.RouterId, link.AddressOf(router.Id),
                state.IsLinkUp(session.LinkIndex), received, session.PeerId);
        }).ToList();
        var locRib = paths
            .Select(p => (p.Prefix, Best: p.Paths.FirstOrDefault(c => c.IsBest).Path))
            .Where(p => p.Best is not null)
            .Select(p => new SimulatedRoute(p.Prefix, p.Best!.Attributes with { NextHop = p.Best.EffectiveNextHop }))
            .ToList();
        return new SimulatedRouterView(router.Hostname, router.Asn, router.RouterId, sessions, locRib);
    }
}

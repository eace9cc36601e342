using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Twin.Model;

/// <summary>
/// The policy the lab (<c>OrleansNetOps.Lab</c>) configures on every node, expressed with the Bgp.Policy types:
/// a permit-all <c>RM-{peer}-IN</c> and <c>RM-{peer}-OUT</c> per neighbour, except that our routers' outbound
/// maps towards another AS permit only routes originated inside our AS (<c>match as-path OWN-ROUTES</c>, <c>^$</c>).
/// Keys of <see cref="RoutingPolicy.Peers"/> are the neighbours' topology ids.
/// </summary>
public static class DefaultPolicies
{
    /// <summary>The AS-path list matching routes originated inside our AS.</summary>
    public const string OwnRoutes = "OWN-ROUTES";

    /// <summary>The route-map a node binds towards <paramref name="peerId"/> in one direction.</summary>
    public static string RouteMapName(string peerId, PolicyDirection direction) =>
        $"RM-{peerId}-{(direction == PolicyDirection.In ? "IN" : "OUT")}";

    /// <summary>Every node's policy, by node id (routers and ISPs).</summary>
    public static IReadOnlyDictionary<string, RoutingPolicy> For(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var result = new SortedDictionary<string, RoutingPolicy>(StringComparer.Ordinal);
        foreach (var router in topology.Routers)
        {
            result[router.Id] = For(topology, router.Id);
        }

        foreach (var isp in topology.Isps)
        {
            result[isp.Id] = For(topology, isp.Id);
        }

        return result;
    }

    /// <summary>The policy of one node.</summary>
    public static RoutingPolicy For(NetworkTopology topology, string nodeId)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var ours = topology.Router(nodeId) is not null;
        var policy = RoutingPolicy.Empty;
        if (ours)
        {
            policy = policy.With(new AsPathAccessList(OwnRoutes, [new AsPathAccessListEntry(5, AccessAction.Permit, "^$")]));
        }

        foreach (var link in topology.LinksOf(nodeId))
        {
            var peer = link.Other(nodeId);
            var inName = RouteMapName(peer, PolicyDirection.In);
            policy = policy.With(new RouteMap(inName, [new RouteMapEntry(100, AccessAction.Permit)]));
            var binding = new PeerPolicy { RouteMapIn = inName };
            if (ours)
            {
                // What an edge may announce to a provider: only what our AS originated, never transit.
                var outName = RouteMapName(peer, PolicyDirection.Out);
                var entry = link.Kind == SessionKind.Ebgp
                    ? new RouteMapEntry(100, AccessAction.Permit) { Matches = [new MatchAsPath(OwnRoutes)] }
                    : new RouteMapEntry(100, AccessAction.Permit);
                policy = policy.With(new RouteMap(outName, [entry]));
                binding = binding with { RouteMapOut = outName };
            }

            // An ISP's outbound map in the lab matches its own announcements only; the engine models that rule
            // directly (an ISP exports only locally originated routes), because a route-map with one entry per
            // prefix would make a full table quadratic.
            policy = policy.WithPeer(peer, binding);
        }

        return policy;
    }
}

using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Twin.Checks;

/// <summary>
/// Follows the forwarding chain: a router's best path has a next hop; the node that owns that address on a link is
/// the next router (inside our AS the IGP is assumed to reach it, as FRR without zebra does), whose best path is
/// followed in turn, until the packet is delivered, leaves through an ISP, loops, or finds no path.
/// </summary>
public static class ForwardingWalk
{
    /// <summary>The chain from <paramref name="routerId"/> towards <paramref name="prefix"/>.</summary>
    public static ForwardingPath From(TwinState state, string routerId, IpPrefix prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        var id = state.PrefixId(prefix);
        var start = state.Model.IndexOf(routerId);
        if (start < 0)
        {
            throw new ArgumentException($"'{routerId}' is not a node of topology '{state.Model.Topology.Name}'", nameof(routerId));
        }

        return id < 0 ? new ForwardingPath(WalkEnd.Blackhole, [routerId]) : From(state, start, id);
    }

    /// <summary>How the chain ends, without recording it (no allocation): a chain longer than the node count has looped.</summary>
    internal static WalkEnd EndOf(TwinState state, int start, int prefixId)
    {
        var model = state.Model;
        var node = start;
        for (var steps = 0; steps <= model.Nodes.Count; steps++)
        {
            if (!model.Nodes[node].IsOurs)
            {
                return WalkEnd.Egress;
            }

            var best = state.BestAt(node, prefixId);
            if (best is null)
            {
                return WalkEnd.Blackhole;
            }

            if (best.Peer.Type == PeerType.Local)
            {
                return WalkEnd.Delivered;
            }

            var owner = model.NodeWithAddress(best.EffectiveNextHop);
            if (owner is null || owner.Index == node)
            {
                return WalkEnd.Blackhole;
            }

            node = owner.Index;
        }

        return WalkEnd.Loop;
    }

    internal static ForwardingPath From(TwinState state, int start, int prefixId)
    {
        var model = state.Model;
        var trail = new List<string>();
        var seen = new HashSet<int>();
        var node = start;
        while (true)
        {
            trail.Add(model.Nodes[node].Id);
            if (!seen.Add(node))
            {
                return new ForwardingPath(WalkEnd.Loop, trail);
            }

            if (!model.Nodes[node].IsOurs)
            {
                return new ForwardingPath(WalkEnd.Egress, trail);
            }

            var best = state.BestAt(node, prefixId);
            if (best is null)
            {
                return new ForwardingPath(WalkEnd.Blackhole, trail);
            }

            if (best.Peer.Type == PeerType.Local)
            {
                return new ForwardingPath(WalkEnd.Delivered, trail);
            }

            var owner = model.NodeWithAddress(best.EffectiveNextHop);
            if (owner is null || owner.Index == node)
            {
                return new ForwardingPath(WalkEnd.Blackhole, trail);
            }

            node = owner.Index;
        }
    }
}

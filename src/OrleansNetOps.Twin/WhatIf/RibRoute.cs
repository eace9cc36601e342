using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>A route in the API's <c>rib</c> shape.</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="PeerAddress">The neighbour it came from (<c>0.0.0.0</c> for our own).</param>
/// <param name="NextHop">The next hop.</param>
/// <param name="AsPath">The flattened AS path.</param>
/// <param name="Origin"><c>igp|egp|incomplete</c>.</param>
/// <param name="Med">MED, when present.</param>
/// <param name="LocalPref">LOCAL_PREF as the path carries it; null when it carries none (eBGP-learned), as in the live RIB.</param>
/// <param name="Communities">Standard communities as <c>A:B</c>.</param>
/// <param name="Best">Whether it is the best path.</param>
/// <param name="LargeCommunities">Large communities as <c>A:B:C</c>.</param>
/// <param name="ExtCommunities">Extended communities.</param>
/// <param name="AtomicAggregate">ATOMIC_AGGREGATE present.</param>
/// <param name="OriginatorId">ORIGINATOR_ID.</param>
/// <param name="ClusterList">CLUSTER_LIST.</param>
[GenerateSerializer, Immutable]
public sealed record RibRoute(string Prefix, string PeerAddress, string? NextHop, IReadOnlyList<uint> AsPath, string Origin, uint? Med, uint? LocalPref,
    IReadOnlyList<string> Communities, bool Best, IReadOnlyList<string> LargeCommunities, IReadOnlyList<string> ExtCommunities, bool AtomicAggregate,
    string? OriginatorId, IReadOnlyList<string> ClusterList)
{
    /// <summary>The route shape of a path, written as the live RIB writes its routes (<see cref="RouteText"/>).</summary>
    public static RibRoute From(IpPrefix prefix, CandidatePath path, bool best)
    {
        ArgumentNullException.ThrowIfNull(path);
        var attributes = path.Attributes;
        return new RibRoute(prefix.ToString(), path.Peer.Address.ToString(), path.EffectiveNextHop?.ToString(), RouteText.AsPath(attributes.EffectiveAsPath),
            RouteText.Origin(attributes) ?? "incomplete", attributes.MultiExitDisc, attributes.LocalPref, RouteText.Communities(attributes), best,
            RouteText.LargeCommunities(attributes), RouteText.ExtCommunities(attributes), attributes.AtomicAggregate, attributes.OriginatorId?.ToString(),
            RouteText.ClusterList(attributes));
    }

    /// <summary>True when both describe the same route (lists compared by value).</summary>
    public bool SameAs(RibRoute? other) =>
        other is not null && Prefix == other.Prefix && PeerAddress == other.PeerAddress && NextHop == other.NextHop && AsPath.SequenceEqual(other.AsPath)
        && Origin == other.Origin && Med == other.Med && LocalPref == other.LocalPref && Communities.SequenceEqual(other.Communities) && Best == other.Best
        && LargeCommunities.SequenceEqual(other.LargeCommunities) && ExtCommunities.SequenceEqual(other.ExtCommunities) && AtomicAggregate == other.AtomicAggregate
        && OriginatorId == other.OriginatorId && ClusterList.SequenceEqual(other.ClusterList);

    /// <summary>A compact form for diffs: <c>via NH [AS PATH] lp L med M</c>.</summary>
    public override string ToString() => $"via {NextHop} [{string.Join(' ', AsPath)}] lp {LocalPref?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} med {Med?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
}

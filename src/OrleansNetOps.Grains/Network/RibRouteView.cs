namespace OrleansNetOps.Grains.Network;

/// <summary>A route in the API's <c>rib</c> shape.</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="PathId">ADD-PATH identifier.</param>
/// <param name="Rd">Route distinguisher.</param>
/// <param name="PeerAddress">
/// The neighbour the route was learned from, the same in every view and in the twin: the BMP peer of an Adj-RIB route;
/// for a Loc-RIB the router sends (RFC 9069 §4.1 names no neighbour there) the session whose Adj-RIB-In holds the same
/// next hop and AS path; the all-zero address for our own routes and for a best path no reported session matches.
/// </param>
/// <param name="NextHop">Next hop.</param>
/// <param name="AsPath">Flattened AS path (AS_SET members in order).</param>
/// <param name="Origin"><c>igp</c>, <c>egp</c> or <c>incomplete</c>.</param>
/// <param name="Med">MULTI_EXIT_DISC.</param>
/// <param name="LocalPref">LOCAL_PREF as the route carries it; null when the router sent none (eBGP-learned routes).</param>
/// <param name="Communities">Communities as <c>A:B</c>.</param>
/// <param name="LargeCommunities">Large communities as <c>A:B:C</c>.</param>
/// <param name="ExtCommunities">Extended communities.</param>
/// <param name="AtomicAggregate">ATOMIC_AGGREGATE present.</param>
/// <param name="Best">Whether it is the router's best path for the prefix.</param>
/// <param name="OriginatorId">ORIGINATOR_ID.</param>
/// <param name="ClusterList">CLUSTER_LIST.</param>
/// <param name="Labels">MPLS label stack of a labelled-unicast or L3VPN route.</param>
/// <param name="Vrf">The VRF/table name the router announced for the route's instance.</param>
[GenerateSerializer, Immutable]
public sealed record RibRouteView(
    string Prefix,
    uint? PathId,
    string? Rd,
    string PeerAddress,
    string? NextHop,
    IReadOnlyList<uint> AsPath,
    string? Origin,
    uint? Med,
    uint? LocalPref,
    IReadOnlyList<string> Communities,
    IReadOnlyList<string> LargeCommunities,
    IReadOnlyList<string> ExtCommunities,
    bool AtomicAggregate,
    bool Best,
    string? OriginatorId,
    IReadOnlyList<string> ClusterList,
    IReadOnlyList<uint>? Labels = null,
    string? Vrf = null);

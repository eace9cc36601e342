using System.Net;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>
/// One path to a prefix that competes in the decision process: its attributes after import policy,
/// the peer it came from, and the router-local facts that are not path attributes.
/// </summary>
/// <param name="Attributes">Path attributes after inbound policy.</param>
/// <param name="Peer">Where the path came from.</param>
public sealed record CandidatePath(PathAttributes Attributes, BgpPeer Peer)
{
    /// <summary>FRR gives locally originated routes this weight (<c>BGP_ATTR_DEFAULT_WEIGHT</c>).</summary>
    public const uint LocalOriginWeight = 32768;

    /// <summary>Router-local weight (Cisco/FRR <c>weight</c>); 0 for learned paths unless policy sets it.</summary>
    public uint Weight { get; init; }

    /// <summary>
    /// IGP cost to the next hop. 0 by default: the lab's FRR runs without zebra, and then every next hop
    /// is reachable with metric 0.
    /// </summary>
    public uint IgpMetric { get; init; }

    /// <summary>ADD-PATH path identifier (0 without ADD-PATH).</summary>
    public uint PathId { get; init; }

    /// <summary>
    /// Arrival order: lower is older. Stands in for FRR's "already selected" eBGP rule and for the
    /// order of its path list, so the outcome depends on this field and never on list position.
    /// </summary>
    public long ReceivedOrder { get; init; }

    /// <summary>
    /// The next hop when it is not in <see cref="PathAttributes.NextHop"/> (IPv6 routes carry it in
    /// MP_REACH_NLRI); null means use the attribute.
    /// </summary>
    public IPAddress? NextHop { get; init; }

    /// <summary>The next hop whatever the address family.</summary>
    public IPAddress? EffectiveNextHop => NextHop ?? Attributes.NextHop;

    /// <summary>A locally originated path with FRR's defaults (weight 32768, empty AS path).</summary>
    public static CandidatePath LocallyOriginated(PathAttributes attributes, uint asn, IPAddress routerId) =>
        new(attributes, BgpPeer.Self(asn, routerId)) { Weight = LocalOriginWeight };
}

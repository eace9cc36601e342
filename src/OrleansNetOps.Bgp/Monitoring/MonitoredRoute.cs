using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>A route in one of a monitored router's RIBs.</summary>
/// <param name="Peer">The peer it was received from (or sent to, for Adj-RIB-Out); carries the instance RD.</param>
/// <param name="View">Which RIB.</param>
/// <param name="Route">Prefix and ADD-PATH id.</param>
/// <param name="Attributes">Path attributes as the router itself sees them (vendor quirks undone), next hop included.</param>
/// <param name="Safi">Unicast, labelled unicast (<see cref="Safi.MplsLabel"/>) or L3VPN (<see cref="Safi.MplsVpn"/>).</param>
/// <param name="Distinguisher">
/// The route's RD (<c>rd</c> in the API): from the NLRI for L3VPN routes, else the instance RD of an RD-instance or
/// Loc-RIB-instance peer (<see cref="PeerKey.InstanceDistinguisher"/>); null otherwise.
/// </param>
/// <param name="Labels">MPLS label stack, outermost first (<c>labels</c>); empty for unicast.</param>
/// <param name="Vrf">VRF/table name the peer's Peer Up announced (RFC 9069 TLV 3), e.g. a Loc-RIB instance's.</param>
public sealed record MonitoredRoute(
    PeerKey Peer,
    RibView View,
    Nlri Route,
    PathAttributes Attributes,
    Safi Safi = Safi.Unicast,
    RouteDistinguisher? Distinguisher = null,
    EquatableArray<uint> Labels = default,
    string? Vrf = null);

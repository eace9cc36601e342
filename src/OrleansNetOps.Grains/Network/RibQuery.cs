using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Grains.Network;

/// <summary>A question about a router's RIB.</summary>
/// <param name="View">Which RIB.</param>
/// <param name="Afi">IPv4 or IPv6.</param>
/// <param name="Peer">Only routes of this neighbour address.</param>
/// <param name="Rd">Only routes of this route distinguisher (from the NLRI for L3VPN routes, else the instance's).</param>
/// <param name="Prefix">Only this prefix (exact match).</param>
/// <param name="Limit">At most this many routes.</param>
/// <param name="Safi">Unicast, labelled unicast or L3VPN.</param>
/// <param name="Vrf">Only routes of peers whose Peer Up named this VRF/table.</param>
[GenerateSerializer, Immutable]
public sealed record RibQuery(RibView View, Afi Afi, string? Peer, RouteDistinguisher? Rd, IpPrefix? Prefix, int Limit, Safi Safi = Safi.Unicast, string? Vrf = null);

using System.Net;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>
/// A BGP neighbour as seen from the local router: who it is, and the per-session settings that the
/// decision process, route reflection and export rules consult.
/// </summary>
/// <param name="Address">The neighbour's session address (tie-breaker of last resort).</param>
/// <param name="Asn">The neighbour's AS.</param>
/// <param name="RouterId">The BGP identifier from its OPEN.</param>
/// <param name="Type">eBGP, iBGP, confederation eBGP, or the router itself.</param>
public sealed record BgpPeer(IPAddress Address, uint Asn, IPAddress RouterId, PeerType Type)
{
    /// <summary>The router's own pseudo-peer for locally originated paths (FRR's <c>peer_self</c>).</summary>
    public static BgpPeer Self(uint asn, IPAddress routerId) => new(IPAddress.Any, asn, routerId, PeerType.Local);

    /// <summary><c>neighbor X route-reflector-client</c>.</summary>
    public bool IsRouteReflectorClient { get; init; }

    /// <summary>Our address on this session: the next hop we put in UPDATEs when we are the next hop.</summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>Our IPv6 address on this session for IPv6 routes; when absent FRR sends the IPv4-mapped form of <see cref="LocalAddress"/>.</summary>
    public IPAddress? LocalIPv6Address { get; init; }

    /// <summary><c>neighbor X next-hop-self</c>: applies to routes we did not reflect.</summary>
    public bool NextHopSelf { get; init; }

    /// <summary><c>neighbor X next-hop-self force</c>: applies to reflected routes too.</summary>
    public bool NextHopSelfForce { get; init; }

    /// <summary><c>neighbor X allowas-in N</c>: how many times our AS may appear before a path is a loop (0 = off).</summary>
    public int AllowAsIn { get; init; }
}

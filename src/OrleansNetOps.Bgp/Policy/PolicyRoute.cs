using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>What a route-map sees and rewrites: one prefix with its attributes and the router-local extras.</summary>
/// <param name="Prefix">The destination.</param>
/// <param name="Attributes">Path attributes.</param>
public sealed record PolicyRoute(IpPrefix Prefix, PathAttributes Attributes)
{
    /// <summary>The next hop when not in <see cref="PathAttributes.NextHop"/> (IPv6: from MP_REACH_NLRI).</summary>
    public IPAddress? NextHop { get; init; }

    /// <summary>Router-local weight.</summary>
    public uint Weight { get; init; }

    /// <summary>The neighbour's AS, for <c>set as-path prepend last-as</c> on an empty path (0 = unknown).</summary>
    public uint PeerAsn { get; init; }

    /// <summary>The next hop whatever the family.</summary>
    public IPAddress? EffectiveNextHop => NextHop ?? Attributes.NextHop;
}

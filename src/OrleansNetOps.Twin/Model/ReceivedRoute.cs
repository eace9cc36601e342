using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Twin.Model;

/// <summary>One route as a neighbour sent it, before our inbound policy (a pre-policy Adj-RIB-In entry).</summary>
/// <param name="Prefix">The destination.</param>
/// <param name="Attributes">The attributes on the wire (AS_PATH already carries the sender's AS).</param>
/// <param name="NextHop">The next hop for IPv6 routes (IPv4 routes carry it in <see cref="PathAttributes.NextHop"/>).</param>
public sealed record ReceivedRoute(IpPrefix Prefix, PathAttributes Attributes, IPAddress? NextHop = null);

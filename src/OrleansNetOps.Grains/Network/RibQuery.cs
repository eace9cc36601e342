using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Grains.Network;

/// <summary>A question about a router's RIB.</summary>
/// <param name="View">Which RIB.</param>
/// <param name="Afi">IPv4 or IPv6.</param>
/// <param name="Peer">Only routes of this neighbour address.</param>
/// <param name="Rd">Only routes of this route distinguisher.</param>
/// <param name="Prefix">Only this prefix (exact match).</param>
/// <param name="Limit">At most this many routes.</param>
[GenerateSerializer, Immutable]
public sealed record RibQuery(RibView View, Afi Afi, string? Peer, string? Rd, IpPrefix? Prefix, int Limit);

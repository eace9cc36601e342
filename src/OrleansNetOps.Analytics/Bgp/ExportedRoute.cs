using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// A route one of our routers sends to a neighbour: from the twin's computed advertisements, BMP Adj-RIB-Out
/// (RFC 8671), or the neighbour's own Adj-RIB-In where it is ours to watch (an ISP router in the lab).
/// </summary>
/// <param name="At">When it was seen.</param>
/// <param name="Router">Our router, by topology id.</param>
/// <param name="Neighbor">The receiving neighbour: its topology id (<c>ISP-B</c>) or its session address.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="Path">The AS path as sent; our own AS at its head (prepended on export) may be present or not.</param>
public sealed record ExportedRoute(DateTimeOffset At, string Router, string Neighbor, IpPrefix Prefix, AsPath Path);

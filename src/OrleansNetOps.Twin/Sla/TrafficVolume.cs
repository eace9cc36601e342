using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.Sla;

/// <summary>
/// Traffic towards one destination prefix (from flow data): outbound when the destination is outside, inbound when
/// it lies inside one of our prefixes.
/// </summary>
/// <param name="Prefix">Destination prefix.</param>
/// <param name="BytesPerSecond">Volume.</param>
/// <param name="FromRouter">Where it enters: for outbound traffic our router where it enters BGP forwarding (null spreads it evenly over the
/// routers that originate prefixes, the data centre); for inbound traffic the ISP it arrives from, or our edge router it arrives at (null: the
/// ISPs with the shortest path to the prefix).</param>
[GenerateSerializer, Immutable]
public sealed record TrafficVolume(IpPrefix Prefix, double BytesPerSecond, string? FromRouter = null);

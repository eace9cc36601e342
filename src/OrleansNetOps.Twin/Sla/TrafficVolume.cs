using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.Sla;

/// <summary>Outbound traffic towards one destination prefix (from flow data).</summary>
/// <param name="Prefix">Destination prefix.</param>
/// <param name="BytesPerSecond">Volume.</param>
/// <param name="FromRouter">Where it enters BGP forwarding; null spreads it evenly over the routers that originate prefixes (the data centre).</param>
[GenerateSerializer, Immutable]
public sealed record TrafficVolume(IpPrefix Prefix, double BytesPerSecond, string? FromRouter = null);

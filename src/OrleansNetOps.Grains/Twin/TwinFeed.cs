using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Grains.Twin;

/// <summary>What one ISP sends one of our routers, as the twin takes it in.</summary>
/// <param name="Router">Our router.</param>
/// <param name="Isp">The ISP's topology id.</param>
/// <param name="Routes">The routes, packed.</param>
[GenerateSerializer, Immutable]
public sealed record TwinFeed(string Router, string Isp, PackedRoutes Routes);

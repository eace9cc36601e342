using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Grains.Network;

/// <summary>The routes one eBGP neighbour sends a router.</summary>
/// <param name="PeerAddress">The neighbour's address.</param>
/// <param name="PeerAs">The neighbour's AS.</param>
/// <param name="Routes">The routes, as the router received them, packed.</param>
[GenerateSerializer, Immutable]
public sealed record ExternalRoutes(string PeerAddress, uint PeerAs, PackedRoutes Routes);

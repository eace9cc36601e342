using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>A route a simulated router holds: the prefix and its attributes (next hop included).</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="Attributes">Path attributes.</param>
public sealed record SimulatedRoute(IpPrefix Prefix, PathAttributes Attributes);

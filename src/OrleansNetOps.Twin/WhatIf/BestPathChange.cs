using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>A router's best path for one prefix before and after a what-if.</summary>
/// <param name="Router">Router (or ISP) id.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="Before">The best route before, or null.</param>
/// <param name="After">The best route after, or null.</param>
[GenerateSerializer, Immutable]
public sealed record BestPathChange(string Router, string Prefix, RibRoute? Before, RibRoute? After);

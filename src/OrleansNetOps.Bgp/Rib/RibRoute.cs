using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>One route of an <see cref="AdjRibIn"/>: a prefix (with its ADD-PATH identifier) and its attributes.</summary>
/// <param name="Route">Prefix and path identifier.</param>
/// <param name="Attributes">The shared attribute set.</param>
public readonly record struct RibRoute(Nlri Route, PathAttributes Attributes);

using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>One route of a <see cref="LabeledRib"/>: distinguisher, prefix, path identifier, labels, and its attributes.</summary>
/// <param name="Route">The route as announced, labels included.</param>
/// <param name="Attributes">The shared attribute set, next hop included.</param>
public readonly record struct LabeledRibRoute(LabeledNlri Route, PathAttributes Attributes);

namespace OrleansNetOps.Bgp.Policy;

/// <summary>The outcome of a route-map or a session's policy chain.</summary>
/// <param name="Permitted">True when the route passes.</param>
/// <param name="Route">The rewritten route when permitted; the input unchanged when denied.</param>
/// <param name="MatchedSequence">The last entry that matched, or null for an implicit deny or no route-map.</param>
public sealed record PolicyResult(bool Permitted, PolicyRoute Route, int? MatchedSequence);

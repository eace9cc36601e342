using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>The route a vantage point (a session) currently holds for a prefix.</summary>
/// <param name="Vantage">The session, as in <see cref="RouteUpdate.Vantage"/>.</param>
/// <param name="Origin">The origin AS of its path.</param>
/// <param name="Path">The path, nearest AS first, prepends collapsed.</param>
public sealed record VantageOrigin(string Vantage, uint Origin, ImmutableArray<uint> Path);

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>An origin AS seen for a prefix, and when.</summary>
/// <param name="Origin">The origin AS.</param>
/// <param name="FirstSeen">First announcement with it.</param>
/// <param name="LastSeen">Latest announcement with it.</param>
public sealed record OriginSighting(uint Origin, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

namespace OrleansNetOps.Bgp.Policy;

/// <summary>A session-level change the twin applies to its session graph instead of to policy.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Peer">The neighbour (address or topology name); null for router-wide edits.</param>
public sealed record SessionEdit(SessionEditKind Kind, string? Peer);

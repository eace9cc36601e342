namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>A session changed state.</summary>
/// <param name="Peer">Which peer.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="At">When (arrival time of the BMP message).</param>
/// <param name="Reason">Why, for a down transition.</param>
public sealed record PeerTransition(PeerKey Peer, SessionState From, SessionState To, DateTimeOffset At, string? Reason);

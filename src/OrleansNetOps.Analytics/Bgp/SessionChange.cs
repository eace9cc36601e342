using OrleansNetOps.Bgp.Monitoring;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>A BGP session changed state, as a router (BMP Peer Up/Down) or a collector (MRT STATE_CHANGE) reported it.</summary>
/// <param name="At">When (the data's time, e.g. BMP arrival time).</param>
/// <param name="Router">The router holding the session, by topology id (or a collector name for MRT data).</param>
/// <param name="Neighbor">The neighbour's address as text.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Reason">Why, for a down transition (e.g. <c>local close, NOTIFICATION 4/0 Hold Timer Expired</c>).</param>
/// <param name="Source">Where it was seen: <c>bmp</c>, <c>mrt</c>, <c>syslog</c>, <c>trap</c>.</param>
public sealed record SessionChange(
    DateTimeOffset At,
    string Router,
    string Neighbor,
    SessionState From,
    SessionState To,
    string? Reason,
    string Source = "bmp")
{
    /// <summary>The change a BMP Peer Up or Peer Down made to a router's peer table.</summary>
    public static SessionChange FromPeerTransition(string router, PeerTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return new SessionChange(transition.At, router, transition.Peer.Address.ToString(), transition.From, transition.To, transition.Reason);
    }
}

using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>A route in one of a monitored router's RIBs.</summary>
/// <param name="Peer">The peer it was received from (or sent to, for Adj-RIB-Out).</param>
/// <param name="View">Which RIB.</param>
/// <param name="Route">Prefix and ADD-PATH id.</param>
/// <param name="Attributes">Path attributes as the router itself sees them (vendor quirks undone), next hop included.</param>
public sealed record MonitoredRoute(PeerKey Peer, RibView View, Nlri Route, PathAttributes Attributes);

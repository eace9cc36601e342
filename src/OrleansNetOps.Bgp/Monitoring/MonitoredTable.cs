using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>One table a monitored router reported: one peer's routes in one view and family.</summary>
/// <param name="Peer">The peer (or Loc-RIB instance).</param>
/// <param name="View">Which RIB.</param>
/// <param name="Family">AFI/SAFI.</param>
/// <param name="Routes">Routes held.</param>
/// <param name="EndOfRib">Whether the End-of-RIB marker of this family arrived since the peer came up: the initial table is complete.</param>
public sealed record MonitoredTable(PeerKey Peer, RibView View, AfiSafi Family, int Routes, bool EndOfRib);

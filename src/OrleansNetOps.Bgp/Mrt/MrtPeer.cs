using System.Net;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>One peer of a TABLE_DUMP_V2 PEER_INDEX_TABLE.</summary>
/// <param name="BgpId">Peer router ID.</param>
/// <param name="Address">Peer address.</param>
/// <param name="Asn">Peer AS.</param>
public sealed record MrtPeer(IPAddress BgpId, IPAddress Address, uint Asn);

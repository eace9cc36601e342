using System.Net;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>TABLE_DUMP_V2 PEER_INDEX_TABLE: the peers that later RIB entries refer to by index.</summary>
/// <param name="Header">The record header.</param>
/// <param name="CollectorId">Collector BGP ID.</param>
/// <param name="ViewName">View name (often empty).</param>
/// <param name="Peers">Peers by index.</param>
public sealed record PeerIndexTableRecord(MrtHeader Header, IPAddress CollectorId, string ViewName, EquatableArray<MrtPeer> Peers)
    : MrtRecord(Header);

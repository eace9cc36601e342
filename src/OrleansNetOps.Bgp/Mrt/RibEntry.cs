using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>One peer's route in a TABLE_DUMP_V2 RIB record.</summary>
/// <param name="PeerIndex">Index into the preceding PEER_INDEX_TABLE.</param>
/// <param name="OriginatedTime">When the route was learned, Unix seconds.</param>
/// <param name="PathId">ADD-PATH path identifier for the _ADDPATH subtypes (RFC 8050).</param>
/// <param name="Attributes">Path attributes (4-octet AS).</param>
/// <param name="MpReach">MP_REACH_NLRI, usually abbreviated to the next hop.</param>
public sealed record RibEntry(ushort PeerIndex, uint OriginatedTime, uint? PathId, PathAttributes Attributes, MpReachNlri? MpReach);

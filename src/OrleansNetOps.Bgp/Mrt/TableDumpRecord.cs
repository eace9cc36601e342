using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>A legacy TABLE_DUMP entry: one prefix as learned from one peer. AS numbers are 2 octets.</summary>
/// <param name="Header">The record header.</param>
/// <param name="ViewNumber">View number.</param>
/// <param name="SequenceNumber">Sequence number (wraps at 65535).</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="Status">Status octet (unused, normally 1).</param>
/// <param name="OriginatedTime">When the route was learned, Unix seconds.</param>
/// <param name="PeerAddress">Peer address.</param>
/// <param name="PeerAs">Peer AS.</param>
/// <param name="Attributes">Path attributes.</param>
/// <param name="MpReach">MP_REACH_NLRI (IPv6 entries), if present.</param>
public sealed record TableDumpRecord(
    MrtHeader Header,
    ushort ViewNumber,
    ushort SequenceNumber,
    IpPrefix Prefix,
    byte Status,
    uint OriginatedTime,
    IPAddress PeerAddress,
    ushort PeerAs,
    PathAttributes Attributes,
    MpReachNlri? MpReach) : MrtRecord(Header);

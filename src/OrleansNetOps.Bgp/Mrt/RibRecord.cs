using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>A TABLE_DUMP_V2 RIB record: one prefix and every peer's route to it.</summary>
/// <param name="Header">The record header.</param>
/// <param name="SequenceNumber">Sequence number.</param>
/// <param name="Family">AFI/SAFI (from the subtype, or the RIB_GENERIC fields).</param>
/// <param name="Prefix">The prefix, or null for a RIB_GENERIC family without plain prefixes.</param>
/// <param name="Entries">Per-peer routes.</param>
/// <param name="UndecodedBody">For RIB_GENERIC of other families: the NLRI and entries, undecoded.</param>
public sealed record RibRecord(
    MrtHeader Header,
    uint SequenceNumber,
    AfiSafi Family,
    IpPrefix? Prefix,
    EquatableArray<RibEntry> Entries,
    EquatableArray<byte> UndecodedBody = default) : MrtRecord(Header)
{
    /// <summary>True for the _ADDPATH subtypes.</summary>
    public bool IsAddPath => Header.Subtype is >= 8 and <= 12;
}

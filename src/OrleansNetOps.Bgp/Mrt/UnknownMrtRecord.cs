namespace OrleansNetOps.Bgp.Mrt;

/// <summary>
/// A record of a type or subtype this reader does not model (OSPF, IS-IS, the deprecated BGP4MP_ENTRY and
/// BGP4MP_SNAPSHOT, GEO_PEER_TABLE), kept raw so a dump can be read to the end.
/// </summary>
/// <param name="Header">The record header.</param>
/// <param name="Body">Body bytes after the header (and after the microsecond field of _ET types).</param>
public sealed record UnknownMrtRecord(MrtHeader Header, EquatableArray<byte> Body) : MrtRecord(Header);

using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>MP_UNREACH_NLRI (RFC 4760): withdrawn prefixes of a multiprotocol family.</summary>
/// <param name="Family">AFI/SAFI of the NLRI.</param>
/// <param name="Withdrawn">Decoded prefixes for IPv4/IPv6 unicast and multicast.</param>
/// <param name="UndecodedNlri">NLRI bytes of other families, kept untouched.</param>
public sealed record MpUnreachNlri(AfiSafi Family, EquatableArray<Nlri> Withdrawn, EquatableArray<byte> UndecodedNlri);

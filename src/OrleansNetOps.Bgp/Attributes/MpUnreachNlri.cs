using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>MP_UNREACH_NLRI (RFC 4760): withdrawn prefixes of a multiprotocol family.</summary>
/// <param name="Family">AFI/SAFI of the NLRI.</param>
/// <param name="Withdrawn">Decoded prefixes for IPv4/IPv6 unicast and multicast.</param>
/// <param name="UndecodedNlri">NLRI bytes of the families decoded neither here nor in <paramref name="Labeled"/>, kept untouched.</param>
/// <param name="Labeled">Withdrawn routes of the labelled families (SAFI 4 and 128); their labels are placeholders.</param>
public sealed record MpUnreachNlri(
    AfiSafi Family,
    EquatableArray<Nlri> Withdrawn,
    EquatableArray<byte> UndecodedNlri,
    EquatableArray<LabeledNlri> Labeled = default)
{
    /// <summary>True when no route at all is withdrawn: together with nothing else in the UPDATE, an End-of-RIB (RFC 4724).</summary>
    public bool IsEmpty => Withdrawn.IsEmpty && UndecodedNlri.IsEmpty && Labeled.IsEmpty;
}

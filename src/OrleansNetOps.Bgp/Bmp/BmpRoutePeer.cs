using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// The per-peer header of a Route Monitoring message as a value: the allocation-free counterpart of
/// <see cref="BmpPeerHeader"/> used by <see cref="BmpReader.DecodeRoutes{TSink}"/>. Addresses are held as
/// host prefixes (/32 or /128) and the BGP identifier as a host-order integer so nothing is allocated.
/// </summary>
/// <param name="PeerType">Peer type.</param>
/// <param name="Flags">Raw flags (see <see cref="BmpPeerFlags"/>).</param>
/// <param name="Distinguisher">Route distinguisher of the instance (zero for global peers).</param>
/// <param name="PeerAddress">Peer address as a host prefix.</param>
/// <param name="PeerAs">Peer AS.</param>
/// <param name="PeerBgpId">Peer BGP identifier, host order.</param>
/// <param name="TimestampSeconds">Timestamp seconds.</param>
/// <param name="TimestampMicroseconds">Timestamp microseconds.</param>
public readonly record struct BmpRoutePeer(
    BmpPeerType PeerType,
    BmpPeerFlags Flags,
    RouteDistinguisher Distinguisher,
    IpPrefix PeerAddress,
    uint PeerAs,
    uint PeerBgpId,
    uint TimestampSeconds,
    uint TimestampMicroseconds)
{
    /// <summary>Post-policy (L flag): the routes belong in the post-policy Adj-RIB-In.</summary>
    public bool IsPostPolicy => PeerType != BmpPeerType.LocRib && (Flags & BmpPeerFlags.PostPolicy) != 0;

    /// <summary>AS_PATH in 2-octet form (A flag).</summary>
    public bool IsLegacyAsPath => PeerType != BmpPeerType.LocRib && (Flags & BmpPeerFlags.LegacyAsPath) != 0;

    /// <summary>Adj-RIB-Out (O flag, RFC 8671).</summary>
    public bool IsAdjRibOut => PeerType != BmpPeerType.LocRib && (Flags & BmpPeerFlags.AdjRibOut) != 0;
}

using System.Net;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>The per-peer header carried by every message except Initiation and Termination.</summary>
/// <param name="PeerType">Peer type.</param>
/// <param name="Flags">Raw flags (see <see cref="BmpPeerFlags"/>).</param>
/// <param name="Distinguisher">Route distinguisher of the instance (zero for global peers).</param>
/// <param name="PeerAddress">Peer address (IPv4 or IPv6 per the V flag).</param>
/// <param name="PeerAs">Peer AS.</param>
/// <param name="PeerBgpId">Peer BGP identifier.</param>
/// <param name="TimestampSeconds">Timestamp seconds (exporters often get this wrong; see FRR-NOTES).</param>
/// <param name="TimestampMicroseconds">Timestamp microseconds.</param>
public sealed record BmpPeerHeader(
    BmpPeerType PeerType,
    BmpPeerFlags Flags,
    RouteDistinguisher Distinguisher,
    IPAddress PeerAddress,
    uint PeerAs,
    IPAddress PeerBgpId,
    uint TimestampSeconds,
    uint TimestampMicroseconds)
{
    /// <summary>Wire size.</summary>
    public const int Size = 42;

    /// <summary>Post-policy (L flag).</summary>
    public bool IsPostPolicy => PeerType != BmpPeerType.LocRib && (Flags & BmpPeerFlags.PostPolicy) != 0;

    /// <summary>AS_PATH in 2-octet form (A flag).</summary>
    public bool IsLegacyAsPath => PeerType != BmpPeerType.LocRib && (Flags & BmpPeerFlags.LegacyAsPath) != 0;

    /// <summary>Adj-RIB-Out (O flag, RFC 8671).</summary>
    public bool IsAdjRibOut => PeerType != BmpPeerType.LocRib && (Flags & BmpPeerFlags.AdjRibOut) != 0;

    /// <summary>Loc-RIB F flag (RFC 9069): the Loc-RIB is filtered.</summary>
    public bool IsLocRibFiltered => PeerType == BmpPeerType.LocRib && ((byte)Flags & 0x80) != 0;
}

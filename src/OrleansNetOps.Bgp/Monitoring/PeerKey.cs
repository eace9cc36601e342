using System.Net;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>Identity of a monitored peer within one router: peer type, route distinguisher and address.</summary>
/// <param name="PeerType">BMP peer type.</param>
/// <param name="Distinguisher">Route distinguisher of the per-peer header (zero for global peers).</param>
/// <param name="Address">The peer's address (0.0.0.0 for Loc-RIB instances).</param>
public readonly record struct PeerKey(BmpPeerType PeerType, RouteDistinguisher Distinguisher, IPAddress Address)
{
    /// <summary>The key of the peer a BMP per-peer header speaks of.</summary>
    public static PeerKey Of(BmpPeerHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new PeerKey(header.PeerType, header.Distinguisher, header.PeerAddress);
    }

    /// <summary>Whether this is the all-zero pseudo-peer that FRR uses for locally originated routes.</summary>
    public bool IsLocalOrigin => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    /// <summary>
    /// The instance this peer belongs to, as the API shows it (<c>rd</c>): the per-peer header's distinguisher for
    /// an RD-instance peer (type 1) and for a Loc-RIB instance other than the global one (type 3, RFC 9069); null
    /// for global and local peers and for the global Loc-RIB.
    /// </summary>
    public RouteDistinguisher? InstanceDistinguisher =>
        PeerType == BmpPeerType.RdInstance || (PeerType == BmpPeerType.LocRib && !Distinguisher.IsZero) ? Distinguisher : null;

    /// <summary><c>RD|address</c> for instance peers (so two Loc-RIB instances stay apart), else the address.</summary>
    public override string ToString() =>
        InstanceDistinguisher is { } rd ? $"{rd}|{Address}" : Address.ToString();
}

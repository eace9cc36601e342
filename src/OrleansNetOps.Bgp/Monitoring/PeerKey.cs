using System.Net;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>Identity of a monitored peer within one router: peer type, route distinguisher and address.</summary>
/// <param name="PeerType">BMP peer type.</param>
/// <param name="Distinguisher">Route distinguisher (zero for global peers).</param>
/// <param name="Address">The peer's address.</param>
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

    /// <inheritdoc />
    public override string ToString() =>
        PeerType == BmpPeerType.RdInstance ? $"{Distinguisher}|{Address}" : Address.ToString();
}

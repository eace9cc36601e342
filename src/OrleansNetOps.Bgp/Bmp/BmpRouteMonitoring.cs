using OrleansNetOps.Bgp.Messages;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Route Monitoring: one UPDATE of a monitored RIB.</summary>
/// <param name="Peer">Per-peer header.</param>
/// <param name="Update">The UPDATE.</param>
/// <param name="TrailingData">
/// Bytes after the UPDATE. RFC 7854 has none, but some exporters append TLVs (as in the BMP TLV drafts);
/// they are kept rather than rejected so the route is not lost.
/// </param>
public sealed record BmpRouteMonitoring(BmpPeerHeader Peer, UpdateMessage Update, EquatableArray<byte> TrailingData = default) : BmpMessage
{
    /// <inheritdoc />
    public override BmpMessageType Type => BmpMessageType.RouteMonitoring;
}

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// Route Mirroring: verbatim messages (often malformed ones) or a "messages lost" notice. The BGP
/// message TLV (type 0) is kept raw because mirrored PDUs are by definition not trusted to parse.
/// </summary>
/// <param name="Peer">Per-peer header.</param>
/// <param name="Information">TLVs: 0 BGP message, 1 information code (0 errored PDU, 1 messages lost).</param>
public sealed record BmpRouteMirroring(BmpPeerHeader Peer, EquatableArray<BmpInformationTlv> Information) : BmpMessage
{
    /// <inheritdoc />
    public override BmpMessageType Type => BmpMessageType.RouteMirroring;
}

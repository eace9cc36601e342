using System.Net;
using OrleansNetOps.Bgp.Messages;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Peer Up: a monitored session reached Established, with both OPENs.</summary>
/// <param name="Peer">Per-peer header.</param>
/// <param name="LocalAddress">Local address of the session.</param>
/// <param name="LocalPort">Local TCP port.</param>
/// <param name="RemotePort">Remote TCP port.</param>
/// <param name="SentOpen">OPEN sent by the monitored router.</param>
/// <param name="ReceivedOpen">OPEN received from the peer.</param>
/// <param name="Information">Trailing information TLVs.</param>
public sealed record BmpPeerUp(
    BmpPeerHeader Peer,
    IPAddress LocalAddress,
    ushort LocalPort,
    ushort RemotePort,
    OpenMessage SentOpen,
    OpenMessage ReceivedOpen,
    EquatableArray<BmpInformationTlv> Information) : BmpMessage
{
    /// <inheritdoc />
    public override BmpMessageType Type => BmpMessageType.PeerUp;
}

using OrleansNetOps.Bgp.Messages;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Peer Down.</summary>
/// <param name="Peer">Per-peer header.</param>
/// <param name="Reason">
/// 1 local close with NOTIFICATION, 2 local close with FSM event code, 3 remote NOTIFICATION,
/// 4 remote close without data, 5 peer de-configured, 6 Loc-RIB no longer monitored (RFC 9069).
/// </param>
/// <param name="Notification">NOTIFICATION for reasons 1 and 3.</param>
/// <param name="FsmEventCode">FSM event for reason 2.</param>
/// <param name="Data">Bytes after the reason that are neither (e.g. TLVs of reason 6).</param>
public sealed record BmpPeerDown(
    BmpPeerHeader Peer,
    byte Reason,
    NotificationMessage? Notification,
    ushort? FsmEventCode,
    EquatableArray<byte> Data = default) : BmpMessage
{
    /// <inheritdoc />
    public override BmpMessageType Type => BmpMessageType.PeerDown;
}

using OrleansNetOps.Bgp.Bmp;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>Renders a BMP Peer Down as the reason an operator reads: BMP reason plus NOTIFICATION code/subcode.</summary>
public static class PeerDownReason
{
    /// <summary>Describes the Peer Down, e.g. <c>local close, NOTIFICATION 6/2 Cease: Administrative Shutdown</c>.</summary>
    public static string Describe(BmpPeerDown down)
    {
        ArgumentNullException.ThrowIfNull(down);
        var reason = down.Reason switch
        {
            1 => "local close with NOTIFICATION",
            2 => "local close without NOTIFICATION",
            3 => "remote close with NOTIFICATION",
            4 => "remote close without data",
            5 => "peer de-configured",
            6 => "Loc-RIB no longer monitored",
            _ => $"unknown reason {down.Reason}",
        };
        if (down.Notification is { } notification)
        {
            return $"{reason}: {notification.ErrorCode}/{notification.ErrorSubcode} {notification.ErrorName}: {notification.SubcodeName}";
        }

        return down.FsmEventCode is { } fsm ? $"{reason} (FSM event {fsm})" : reason;
    }
}

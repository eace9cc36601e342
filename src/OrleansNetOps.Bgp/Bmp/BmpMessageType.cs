namespace OrleansNetOps.Bgp.Bmp;

/// <summary>BMP message types (RFC 7854).</summary>
public enum BmpMessageType : byte
{
    /// <summary>Route Monitoring.</summary>
    RouteMonitoring = 0,

    /// <summary>Statistics Report.</summary>
    StatisticsReport = 1,

    /// <summary>Peer Down Notification.</summary>
    PeerDown = 2,

    /// <summary>Peer Up Notification.</summary>
    PeerUp = 3,

    /// <summary>Initiation.</summary>
    Initiation = 4,

    /// <summary>Termination.</summary>
    Termination = 5,

    /// <summary>Route Mirroring.</summary>
    RouteMirroring = 6,
}

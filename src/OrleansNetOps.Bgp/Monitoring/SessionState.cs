namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>BGP session state as the API reports it (RFC 4271 FSM states plus <see cref="Down"/>).</summary>
public enum SessionState
{
    /// <summary>Nothing known yet.</summary>
    Idle,

    /// <summary>Connecting.</summary>
    Connect,

    /// <summary>Listening for the peer.</summary>
    Active,

    /// <summary>OPEN sent.</summary>
    OpenSent,

    /// <summary>OPEN received and acknowledged.</summary>
    OpenConfirm,

    /// <summary>Up: routes are exchanged.</summary>
    Established,

    /// <summary>Was established and went down (BMP Peer Down).</summary>
    Down,
}

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>BGP finite-state-machine states as numbered by MRT STATE_CHANGE records.</summary>
public enum BgpState : ushort
{
    /// <summary>Idle.</summary>
    Idle = 1,

    /// <summary>Connect.</summary>
    Connect = 2,

    /// <summary>Active.</summary>
    Active = 3,

    /// <summary>OpenSent.</summary>
    OpenSent = 4,

    /// <summary>OpenConfirm.</summary>
    OpenConfirm = 5,

    /// <summary>Established.</summary>
    Established = 6,
}

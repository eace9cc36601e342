namespace OrleansNetOps.Bgp.Mrt;

/// <summary>BGP4MP STATE_CHANGE or STATE_CHANGE_AS4.</summary>
/// <param name="Header">The record header.</param>
/// <param name="Peering">Session.</param>
/// <param name="OldState">State before.</param>
/// <param name="NewState">State after.</param>
public sealed record Bgp4mpStateChangeRecord(MrtHeader Header, Bgp4mpPeering Peering, BgpState OldState, BgpState NewState)
    : MrtRecord(Header);

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>A decoded MRT record.</summary>
/// <param name="Header">The record header.</param>
public abstract record MrtRecord(MrtHeader Header);

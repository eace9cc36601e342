namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>A trap as kept.</summary>
/// <param name="Time">When it was received.</param>
/// <param name="Router">Router id.</param>
/// <param name="Source">Sender address.</param>
/// <param name="Trap">The decoded trap.</param>
public sealed record StoredTrap(DateTimeOffset Time, string Router, string Source, SnmpTrap Trap);

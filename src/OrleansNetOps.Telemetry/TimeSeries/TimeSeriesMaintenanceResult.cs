namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>What one retention pass did.</summary>
/// <param name="RawRolledUp">Raw points folded into rollups and deleted.</param>
/// <param name="RollupsDeleted">Rollups deleted for being past retention.</param>
public sealed record TimeSeriesMaintenanceResult(long RawRolledUp, long RollupsDeleted);

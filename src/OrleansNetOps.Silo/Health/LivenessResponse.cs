namespace OrleansNetOps.Silo.Health;

/// <summary>The body of <c>/health/live</c>.</summary>
/// <param name="Status">Always <c>live</c>.</param>
/// <param name="UptimeSeconds">How long the process has run.</param>
internal sealed record LivenessResponse(string Status, double UptimeSeconds);

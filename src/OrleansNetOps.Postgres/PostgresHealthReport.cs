namespace OrleansNetOps.Postgres;

/// <summary>The outcome of one <see cref="PostgresHealthProbe.CheckAsync"/>.</summary>
/// <param name="IsHealthy">Whether a fresh connection was opened and answered a query in time.</param>
/// <param name="Reason">What was found: the server version when healthy, the failure when not.</param>
/// <param name="Duration">How long the check took.</param>
public sealed record PostgresHealthReport(bool IsHealthy, string Reason, TimeSpan Duration);

using OrleansNetOps.Postgres;

namespace OrleansNetOps.Silo.Health;

/// <summary>Storage is ready when PostgreSQL answers within the probe's timeout.</summary>
internal sealed class PostgresStorageReadinessCheck(PostgresHealthProbe probe) : IStorageReadinessCheck
{
    public async Task<ReadinessCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        return new ReadinessCheckResult("storage", report.IsHealthy, report.Reason);
    }
}

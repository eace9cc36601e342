using OrleansNetOps.Runtime.Postgres;

namespace OrleansNetOps.Silo.Health;

/// <summary>Probes the grain-state and reminder databases (usually the same server, but each has its own pool).</summary>
internal sealed class PostgresStorageReadinessCheck(IServiceProvider services, string storageName) : IStorageReadinessCheck
{
    public async Task<ReadinessCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var state = services.GetRequiredKeyedService<PostgresHealthProbe>(storageName);
        var reminders = services.GetRequiredKeyedService<PostgresHealthProbe>(PostgresServiceCollectionExtensions.RemindersKey);
        var reports = await Task.WhenAll(state.CheckAsync(cancellationToken), reminders.CheckAsync(cancellationToken)).ConfigureAwait(false);
        var failed = reports.FirstOrDefault(r => !r.IsHealthy);
        return failed is null
            ? new ReadinessCheckResult("storage", true, reports[0].Reason)
            : new ReadinessCheckResult("storage", false, failed.Reason);
    }
}

using Orleans.Runtime;
using OrleansNetOps.Silo.Hosting;

namespace OrleansNetOps.Silo.Health;

/// <summary>Answers <c>/health/ready</c>: storage answers and this silo is an active member of its cluster.</summary>
internal sealed class ReadinessProbe(
    IStorageReadinessCheck storage,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    SiloStartProgress start,
    IHostApplicationLifetime lifetime,
    ILogger<ReadinessProbe> logger)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        ReadinessCheckResult storageResult;
        try
        {
            storageResult = await storage.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The storage readiness check failed");
            storageResult = new ReadinessCheckResult("storage", false, exception.Message);
        }

        IReadOnlyList<ReadinessCheckResult> checks = [storageResult, Silo()];
        var notReady = checks.Where(c => !c.Ready).Select(c => c.Name).ToList();
        return new ReadinessReport(notReady.Count == 0 ? "ready" : "not-ready", notReady, checks);
    }

    private ReadinessCheckResult Silo()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return new ReadinessCheckResult("silo", false, "the service is shutting down");
        }

        if (start.Waiting is { } waiting)
        {
            return new ReadinessCheckResult("silo", false, waiting);
        }

        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return status == SiloStatus.Active
            ? new ReadinessCheckResult("silo", true, $"active in cluster {localSilo.ClusterId} as {localSilo.SiloAddress}")
            : new ReadinessCheckResult("silo", false, $"silo {localSilo.SiloAddress} is {status.ToString().ToLowerInvariant()}, not active");
    }
}

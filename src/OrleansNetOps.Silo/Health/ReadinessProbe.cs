using OrleansNetOps.Silo.Hosting;

namespace OrleansNetOps.Silo.Health;

/// <summary>
/// Answers <c>/health/ready</c>: the storage is reachable and the silo runs. A check that throws counts as not
/// ready (with its message) instead of failing the request, so the endpoint keeps answering while storage is away.
/// </summary>
internal sealed class ReadinessProbe(IStorageReadinessCheck storage, SiloLauncher launcher, ILogger<ReadinessProbe> logger)
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

        var silo = launcher.Describe();
        IReadOnlyList<ReadinessCheckResult> checks = [storageResult, silo];
        var notReady = checks.Where(c => !c.Ready).Select(c => c.Name).ToList();
        return new ReadinessReport(notReady.Count == 0 ? "ready" : "not-ready", notReady, checks);
    }
}

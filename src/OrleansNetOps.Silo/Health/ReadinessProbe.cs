using System.Globalization;
using Orleans.Runtime;
using OrleansNetOps.Silo.Hosting;

namespace OrleansNetOps.Silo.Health;

/// <summary>Answers <c>/health/ready</c>: storage answers, this silo is an active member of its cluster, and every telemetry listener is bound.</summary>
internal sealed class ReadinessProbe(
    IServiceProvider services,
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

        IReadOnlyList<ReadinessCheckResult> checks = [storageResult, Silo(), Listeners()];
        var notReady = checks.Where(c => !c.Ready).Select(c => c.Name).ToList();
        return new ReadinessReport(notReady.Count == 0 ? "ready" : "not-ready", notReady, checks);
    }

    private ReadinessCheckResult Listeners()
    {
        var collectors = OrleansNetOps.Silo.Telemetry.TelemetryEndpoints.Collectors(services);
        var down = collectors.Where(c => !c.Listening).Select(c => c.Name).ToList();
        return down.Count == 0
            ? new ReadinessCheckResult("listeners", true, string.Join(", ", collectors.Select(c => $"{c.Name} on port {c.Port.ToString(CultureInfo.InvariantCulture)}")))
            : new ReadinessCheckResult("listeners", false, $"not listening: {string.Join(", ", down)}");
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

namespace OrleansNetOps.Silo.Health;

/// <summary>In-memory storage lives in the process, so it is reachable whenever the process is.</summary>
internal sealed class MemoryStorageReadinessCheck : IStorageReadinessCheck
{
    public Task<ReadinessCheckResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ReadinessCheckResult("storage", true, "in-memory storage"));
}

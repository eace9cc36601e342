namespace OrleansNetOps.Silo.Health;

/// <summary>Whether the configured storage can be reached now. Never throws for a sick store.</summary>
internal interface IStorageReadinessCheck
{
    Task<ReadinessCheckResult> CheckAsync(CancellationToken cancellationToken);
}

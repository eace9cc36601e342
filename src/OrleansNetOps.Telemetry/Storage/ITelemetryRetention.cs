namespace OrleansNetOps.Telemetry.Storage;

/// <summary>A store that keeps entries for a period and forgets older ones when asked (bounded stores need not).</summary>
public interface ITelemetryRetention
{
    /// <summary>What the store holds, for logs ("logs", "traps" …).</summary>
    string Name { get; }

    /// <summary>Removes what is older than the store's retention at <paramref name="now"/>; returns how many entries went.</summary>
    Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// Where flow records become traffic volumes (per router, per window, per prefix, interface and AS) for the API and
/// the twin to read: in memory for one silo, in a shared database for a cluster. <see cref="Add"/> never blocks.
/// </summary>
public interface IFlowStore
{
    /// <summary>Counts a flow record exported by a router.</summary>
    void Add(string router, FlowRecord flow, DateTimeOffset receivedAt);

    /// <summary>The largest volumes grouped by <paramref name="by"/> over windows starting within [from, to].</summary>
    Task<IReadOnlyList<FlowTopEntry>> TopAsync(string? router, FlowTopKey by, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken = default);
}

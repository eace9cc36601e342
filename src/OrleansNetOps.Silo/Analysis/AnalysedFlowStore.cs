using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>The flow store (the read model of top talkers), with every flow also counted into its router's volume series.</summary>
internal sealed class AnalysedFlowStore(IFlowStore store, FlowVolumeFeed volumes) : IFlowStore
{
    public void Add(string router, FlowRecord flow, DateTimeOffset receivedAt)
    {
        store.Add(router, flow, receivedAt);
        volumes.Offer(router, flow, receivedAt);
    }

    public Task<IReadOnlyList<FlowTopEntry>> TopAsync(string? router, FlowTopKey by, DateTimeOffset? from, DateTimeOffset? to, int limit,
        CancellationToken cancellationToken = default) =>
        store.TopAsync(router, by, from, to, limit, cancellationToken);
}

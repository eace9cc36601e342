using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Collectors.Flows;

/// <summary>
/// The embedded store of flow volumes: per router, flows roll up into one-minute windows (prefix, interface, AS);
/// closed windows are kept up to a bounded number of volumes per router, oldest dropped first. Thread-safe.
/// </summary>
public sealed class FlowStore(int volumesPerRouter = 200_000, FlowAggregatorOptions? options = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RouterFlows> _routers = new(StringComparer.Ordinal);

    /// <summary>Adds one flow for a router.</summary>
    public void Add(string router, FlowRecord flow, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(flow);
        lock (_gate)
        {
            if (!_routers.TryGetValue(router, out var flows))
            {
                flows = new RouterFlows(new FlowAggregator(options));
                _routers[router] = flows;
            }

            flows.Aggregator.Add(flow, receivedAt);
            foreach (var volume in flows.Aggregator.Flush(receivedAt))
            {
                flows.Closed.Enqueue(volume);
            }

            while (flows.Closed.Count > volumesPerRouter)
            {
                flows.Closed.Dequeue();
            }
        }
    }

    /// <summary>The largest keys by bytes over windows starting within [from, to]; all routers when <paramref name="router"/> is null.</summary>
    public IReadOnlyList<FlowTopEntry> Top(string? router, FlowTopKey by, DateTimeOffset? from, DateTimeOffset? to, int limit)
    {
        var kind = by switch
        {
            FlowTopKey.Prefix => FlowVolumeKind.DestinationPrefix,
            FlowTopKey.Interface => FlowVolumeKind.InputInterface,
            FlowTopKey.SrcAs => FlowVolumeKind.SourceAs,
            FlowTopKey.DstAs => FlowVolumeKind.DestinationAs,
            _ => throw new ArgumentOutOfRangeException(nameof(by)),
        };
        List<FlowVolume> volumes;
        lock (_gate)
        {
            volumes = _routers.Where(r => router is null || r.Key == router)
                .SelectMany(r => r.Value.Closed.Concat(r.Value.Aggregator.Snapshot()))
                .Where(v => v.Kind == kind && (from is null || v.WindowStart >= from.Value.AddMinutes(-1)) && (to is null || v.WindowStart <= to))
                .ToList();
        }

        return volumes.GroupBy(v => v.Key, StringComparer.Ordinal)
            .Select(g => new FlowTopEntry(g.Key, (ulong)g.Sum(v => (decimal)v.Bytes), (ulong)g.Sum(v => (decimal)v.Packets), g.Sum(v => v.Flows)))
            .OrderByDescending(e => e.Bytes).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private sealed record RouterFlows(FlowAggregator Aggregator)
    {
        public Queue<FlowVolume> Closed { get; } = new();
    }
}

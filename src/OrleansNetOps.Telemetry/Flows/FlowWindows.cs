namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// The open aggregation windows of every router: flows add into a <see cref="FlowAggregator"/> per router, and each
/// add returns the windows it closed. Thread-safe. Both flow stores use it; they differ in where closed windows go.
/// </summary>
public sealed class FlowWindows(FlowAggregatorOptions? options = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FlowAggregator> _routers = new(StringComparer.Ordinal);

    /// <summary>Adds one flow of a router; returns the windows that closed.</summary>
    public IReadOnlyList<FlowVolume> Add(string router, FlowRecord flow, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(flow);
        lock (_gate)
        {
            if (!_routers.TryGetValue(router, out var aggregator))
            {
                aggregator = new FlowAggregator(options);
                _routers[router] = aggregator;
            }

            aggregator.Add(flow, receivedAt);
            return aggregator.Flush(receivedAt);
        }
    }

    /// <summary>Closes every window that ended by <paramref name="now"/>, for all routers.</summary>
    public IReadOnlyList<(string Router, FlowVolume Volume)> Flush(DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _routers.SelectMany(r => r.Value.Flush(now).Select(v => (r.Key, v)))];
        }
    }

    /// <summary>The still-open windows of a router (all routers when null).</summary>
    public IReadOnlyList<FlowVolume> Open(string? router) => [.. OpenByRouter().Where(o => router is null || o.Router == router).Select(o => o.Volume)];

    /// <summary>The still-open windows of every router.</summary>
    public IReadOnlyList<(string Router, FlowVolume Volume)> OpenByRouter()
    {
        lock (_gate)
        {
            return [.. _routers.SelectMany(r => r.Value.Snapshot().Select(v => (r.Key, v)))];
        }
    }

    /// <summary>The volume kind a top-talkers grouping reads.</summary>
    public static FlowVolumeKind KindOf(FlowTopKey by) => by switch
    {
        FlowTopKey.Prefix => FlowVolumeKind.DestinationPrefix,
        FlowTopKey.Interface => FlowVolumeKind.InputInterface,
        FlowTopKey.SrcAs => FlowVolumeKind.SourceAs,
        FlowTopKey.DstAs => FlowVolumeKind.DestinationAs,
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    /// <summary>Whether a window starting at <paramref name="windowStart"/> counts for [from, to] (a window overlapping from counts).</summary>
    public static bool Within(DateTimeOffset windowStart, DateTimeOffset? from, DateTimeOffset? to) =>
        (from is null || windowStart >= from.Value.AddMinutes(-1)) && (to is null || windowStart <= to);

    /// <summary>Sums volumes per key and ranks them by bytes.</summary>
    public static IReadOnlyList<FlowTopEntry> Rank(IEnumerable<FlowVolume> volumes, int limit) =>
        [.. volumes.GroupBy(v => v.Key, StringComparer.Ordinal)
            .Select(g => new FlowTopEntry(g.Key, (ulong)g.Sum(v => (decimal)v.Bytes), (ulong)g.Sum(v => (decimal)v.Packets), g.Sum(v => v.Flows)))
            .OrderByDescending(e => e.Bytes).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(limit)];
}

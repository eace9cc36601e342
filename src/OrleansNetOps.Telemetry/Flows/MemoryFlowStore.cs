namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// The embedded store of flow volumes: per router, flows roll up into one-minute windows (prefix, interface, AS);
/// closed windows are kept up to a bounded number of volumes per router, oldest dropped first. Thread-safe.
/// </summary>
public sealed class MemoryFlowStore(int volumesPerRouter = 200_000, FlowAggregatorOptions? options = null) : IFlowStore
{
    private readonly FlowWindows _windows = new(options);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<FlowVolume>> _closed = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Add(string router, FlowRecord flow, DateTimeOffset receivedAt)
    {
        var closed = _windows.Add(router, flow, receivedAt);
        lock (_gate)
        {
            if (!_closed.TryGetValue(router, out var queue))
            {
                queue = new Queue<FlowVolume>();
                _closed[router] = queue;
            }

            foreach (var volume in closed)
            {
                queue.Enqueue(volume);
            }

            while (queue.Count > volumesPerRouter)
            {
                queue.Dequeue();
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FlowTopEntry>> TopAsync(string? router, FlowTopKey by, DateTimeOffset? from, DateTimeOffset? to, int limit,
        CancellationToken cancellationToken = default)
    {
        var kind = FlowWindows.KindOf(by);
        List<FlowVolume> closed;
        lock (_gate)
        {
            closed = [.. _closed.Where(r => router is null || r.Key == router).SelectMany(r => r.Value)];
        }

        var volumes = closed.Concat(_windows.Open(router)).Where(v => v.Kind == kind && FlowWindows.Within(v.WindowStart, from, to));
        return Task.FromResult(FlowWindows.Rank(volumes, limit));
    }
}

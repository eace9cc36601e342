namespace OrleansNetOps.Telemetry.Storage;

/// <summary>The embedded store of events of one kind: bounded, in memory, newest kept.</summary>
/// <typeparam name="T">The stored event.</typeparam>
/// <param name="time">The time queries filter on.</param>
/// <param name="router">The router queries filter on.</param>
/// <param name="capacity">Most events kept; the oldest go first.</param>
public sealed class MemoryTelemetryLog<T>(Func<T, DateTimeOffset> time, Func<T, string?> router, int capacity = 50_000) : ITelemetryLog<T>
    where T : class
{
    private readonly BoundedLog<T> _log = new(capacity);

    /// <summary>Events held.</summary>
    public int Count => _log.Count;

    /// <inheritdoc />
    public void Add(T entry) => _log.Add(entry ?? throw new ArgumentNullException(nameof(entry)));

    /// <inheritdoc />
    public Task<IReadOnlyList<T>> QueryAsync(TimeRangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult<IReadOnlyList<T>>(_log.Newest(
            e => (query.Router is null || router(e) == query.Router) && (query.From is null || time(e) >= query.From) && (query.To is null || time(e) <= query.To),
            query.Limit));
    }
}

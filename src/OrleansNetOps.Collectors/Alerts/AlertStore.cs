namespace OrleansNetOps.Collectors.Alerts;

/// <summary>The embedded store of received alerts: bounded, in memory, newest kept.</summary>
public sealed class AlertStore(int capacity = 50_000)
{
    private readonly BoundedLog<StoredAlert> _log = new(capacity);

    /// <summary>Alerts held.</summary>
    public int Count => _log.Count;

    /// <summary>Keeps an alert.</summary>
    public void Add(StoredAlert alert) => _log.Add(alert ?? throw new ArgumentNullException(nameof(alert)));

    /// <summary>Alerts of a router (all when null) received within [from, to], newest first.</summary>
    public IReadOnlyList<StoredAlert> Query(string? router, DateTimeOffset? from, DateTimeOffset? to, int limit) =>
        _log.Snapshot(a => (router is null || a.Router == router) && (from is null || a.ReceivedAt >= from) && (to is null || a.ReceivedAt <= to))
            .AsEnumerable().Reverse().Take(limit).ToList();
}

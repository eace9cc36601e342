namespace OrleansNetOps.Collectors.Snmp;

/// <summary>The embedded store of traps: bounded, in memory, newest kept.</summary>
public sealed class TrapStore(int capacity = 50_000)
{
    private readonly BoundedLog<StoredTrap> _log = new(capacity);

    /// <summary>Traps held.</summary>
    public int Count => _log.Count;

    /// <summary>Keeps a trap.</summary>
    public void Add(StoredTrap trap) => _log.Add(trap ?? throw new ArgumentNullException(nameof(trap)));

    /// <summary>Traps of a router (all when null) within [from, to], newest first.</summary>
    public IReadOnlyList<StoredTrap> Query(string? router, DateTimeOffset? from, DateTimeOffset? to, int limit) =>
        _log.Snapshot(t => (router is null || t.Router == router) && (from is null || t.Time >= from) && (to is null || t.Time <= to))
            .AsEnumerable().Reverse().Take(limit).ToList();
}

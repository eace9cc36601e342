namespace OrleansNetOps.Telemetry.Storage;

/// <summary>
/// Where events of one kind (SNMP traps, received alerts) are kept for the API to read: in memory for one silo, in a
/// shared database for a cluster. <see cref="Add"/> never blocks a listener; a shared store writes in the background.
/// </summary>
/// <typeparam name="T">The stored event.</typeparam>
public interface ITelemetryLog<T>
{
    /// <summary>Keeps an event.</summary>
    void Add(T entry);

    /// <summary>Events matching the query, newest first.</summary>
    Task<IReadOnlyList<T>> QueryAsync(TimeRangeQuery query, CancellationToken cancellationToken = default);
}

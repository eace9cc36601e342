namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>
/// Where syslog messages are kept for the API to read: in memory for one silo, in a shared database for a cluster.
/// <see cref="Add"/> never blocks the listener; a shared store writes in the background.
/// </summary>
public interface ISyslogStore
{
    /// <summary>Keeps a message.</summary>
    void Add(StoredSyslogMessage message);

    /// <summary>Messages matching the query, newest first.</summary>
    Task<IReadOnlyList<StoredSyslogMessage>> QueryAsync(SyslogQuery query, CancellationToken cancellationToken = default);
}

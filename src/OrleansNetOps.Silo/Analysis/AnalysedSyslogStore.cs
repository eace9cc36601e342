using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>The syslog store (the read model), with every stored message also handed to the analysts.</summary>
internal sealed class AnalysedSyslogStore(ISyslogStore store, AnalystFeed feed) : ISyslogStore
{
    public void Add(StoredSyslogMessage message)
    {
        store.Add(message);
        feed.Offer(message);
    }

    public Task<IReadOnlyList<StoredSyslogMessage>> QueryAsync(SyslogQuery query, CancellationToken cancellationToken = default) =>
        store.QueryAsync(query, cancellationToken);
}

using OrleansNetOps.Telemetry.Storage;

namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>The embedded store of syslog messages: bounded, in memory, newest kept.</summary>
public sealed class MemorySyslogStore(int capacity = 100_000) : ISyslogStore
{
    private readonly BoundedLog<StoredSyslogMessage> _log = new(capacity);

    /// <summary>Messages held.</summary>
    public int Count => _log.Count;

    /// <summary>Messages dropped to stay within capacity.</summary>
    public long Evicted => _log.Evicted;

    /// <inheritdoc />
    public void Add(StoredSyslogMessage message) => _log.Add(message ?? throw new ArgumentNullException(nameof(message)));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSyslogMessage>> QueryAsync(SyslogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = _log.Snapshot(m =>
            (query.Router is null || m.Router == query.Router)
            && (query.From is null || m.Time >= query.From)
            && (query.To is null || m.Time <= query.To)
            // Lower numbers are more severe (emergency is 0).
            && (query.Severity is null || m.Message.Severity <= query.Severity)
            && (query.Text is null
                || m.Message.Message.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
                || (m.Message.AppName?.Contains(query.Text, StringComparison.OrdinalIgnoreCase) ?? false)
                || (m.Message.Hostname?.Contains(query.Text, StringComparison.OrdinalIgnoreCase) ?? false)));
        return Task.FromResult<IReadOnlyList<StoredSyslogMessage>>(
            [.. matches.Select((m, i) => (m, i)).OrderByDescending(x => x.m.Time).ThenByDescending(x => x.i).Take(query.Limit).Select(x => x.m)]);
    }
}

using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Outbox;

/// <summary>An outbox store in memory: for tests and the embedded default (events do not survive a restart).</summary>
public sealed class InMemoryTicketOutboxStore : ITicketOutboxStore
{
    private readonly Lock _gate = new();
    private readonly List<OutboxEntry> _entries = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TicketReference> _tickets = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> AppendAsync(TicketEvent ticketEvent, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        lock (_gate)
        {
            if (_byId.ContainsKey(ticketEvent.Id))
            {
                return Task.FromResult(false);
            }

            _byId[ticketEvent.Id] = _entries.Count;
            _entries.Add(new OutboxEntry(ticketEvent, _entries.Count + 1, OutboxEntryState.Pending, 0, null, null, at));
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> PendingAsync(int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries.Where(e => e.State == OutboxEntryState.Pending).Take(limit)]);
        }
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(string eventId, TicketReference ticket, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_gate)
        {
            var index = Index(eventId);
            var entry = _entries[index];
            _entries[index] = entry with { State = OutboxEntryState.Delivered, Attempts = entry.Attempts + 1, Ticket = ticket, UpdatedAt = at };
            _tickets[entry.Event.CorrelationId] = ticket;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkFailedAsync(string eventId, string error, bool permanent, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var index = Index(eventId);
            var entry = _entries[index];
            _entries[index] = entry with
            {
                State = permanent ? OutboxEntryState.Rejected : OutboxEntryState.Pending,
                Attempts = entry.Attempts + 1,
                LastError = error,
                UpdatedAt = at,
            };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TicketReference?> TicketAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tickets.GetValueOrDefault(correlationId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> EntriesAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries.Where(e => e.Event.CorrelationId == correlationId)]);
        }
    }

    private int Index(string eventId) =>
        _byId.TryGetValue(eventId, out var index) ? index : throw new KeyNotFoundException($"no outbox event '{eventId}'");
}

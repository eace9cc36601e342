using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Grains.Itsm;

/// <summary>
/// One system's outbox inside the grain's state. Appends change memory only (the grain persists them with the incident
/// they came from, in one write); delivery records are persisted as they happen, so a restart resumes where it was.
/// </summary>
internal sealed class GrainTicketOutboxStore(string system, TicketOutboxState state, Func<Task> persist) : ITicketOutboxStore
{
    private List<OutboxEntry> Entries => state.Entries.TryGetValue(system, out var entries) ? entries : state.Entries[system] = [];

    private Dictionary<string, TicketReference> Tickets => state.Tickets.TryGetValue(system, out var tickets) ? tickets : state.Tickets[system] = new(StringComparer.Ordinal);

    public Task<bool> AppendAsync(TicketEvent ticketEvent, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var entries = Entries;
        if (entries.Exists(e => e.Event.Id == ticketEvent.Id))
        {
            return Task.FromResult(false);
        }

        entries.Add(new OutboxEntry(ticketEvent, entries.Count == 0 ? 1 : entries[^1].Sequence + 1, OutboxEntryState.Pending, 0, null, null, at));
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<OutboxEntry>> PendingAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Entries.Where(e => e.State == OutboxEntryState.Pending).Take(limit)]);

    public Task MarkDeliveredAsync(string eventId, TicketReference ticket, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var entries = Entries;
        var index = Index(entries, eventId);
        var entry = entries[index];
        entries[index] = entry with { State = OutboxEntryState.Delivered, Attempts = entry.Attempts + 1, Ticket = ticket, UpdatedAt = at };
        Tickets[entry.Event.CorrelationId] = ticket;
        return persist();
    }

    public Task MarkFailedAsync(string eventId, string error, bool permanent, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entries = Entries;
        var index = Index(entries, eventId);
        var entry = entries[index];
        entries[index] = entry with { State = permanent ? OutboxEntryState.Rejected : OutboxEntryState.Pending, Attempts = entry.Attempts + 1, LastError = error, UpdatedAt = at };
        return persist();
    }

    public Task<TicketReference?> TicketAsync(string correlationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Tickets.GetValueOrDefault(correlationId));

    public Task<IReadOnlyList<OutboxEntry>> EntriesAsync(string correlationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Entries.Where(e => e.Event.CorrelationId == correlationId)]);

    private static int Index(List<OutboxEntry> entries, string eventId)
    {
        var index = entries.FindIndex(e => e.Event.Id == eventId);
        return index >= 0 ? index : throw new KeyNotFoundException($"no outbox event '{eventId}'");
    }
}

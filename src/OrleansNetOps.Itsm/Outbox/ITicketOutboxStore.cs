using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Outbox;

/// <summary>
/// Where an outbox keeps its events and their delivery records (one store per ticketing system). The service keeps it
/// in grain state or PostgreSQL; <see cref="InMemoryTicketOutboxStore"/> keeps it in memory.
/// </summary>
public interface ITicketOutboxStore
{
    /// <summary>Adds an event; an event whose id is already there is ignored (so enqueuing is idempotent).</summary>
    /// <returns>True when it was added.</returns>
    Task<bool> AppendAsync(TicketEvent ticketEvent, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Pending entries in append order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> PendingAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Records a delivery and remembers the incident's ticket.</summary>
    Task MarkDeliveredAsync(string eventId, TicketReference ticket, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records a failed delivery pass; <paramref name="permanent"/> moves the entry to <see cref="OutboxEntryState.Rejected"/>.</summary>
    Task MarkFailedAsync(string eventId, string error, bool permanent, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The ticket of an incident, once any of its events was delivered.</summary>
    Task<TicketReference?> TicketAsync(string correlationId, CancellationToken cancellationToken = default);

    /// <summary>Every entry of an incident, in append order.</summary>
    Task<IReadOnlyList<OutboxEntry>> EntriesAsync(string correlationId, CancellationToken cancellationToken = default);
}

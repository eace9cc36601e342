using Orleans;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Outbox;

/// <summary>One event in the outbox with its delivery record.</summary>
/// <param name="Event">The event.</param>
/// <param name="Sequence">Position in the outbox (append order).</param>
/// <param name="State">Delivery state.</param>
/// <param name="Attempts">Delivery passes that tried it (each may retry several times).</param>
/// <param name="LastError">The last failure, if any.</param>
/// <param name="Ticket">The ticket it reached, once delivered.</param>
/// <param name="UpdatedAt">When the record last changed.</param>
[GenerateSerializer, Immutable]
public sealed record OutboxEntry(TicketEvent Event, long Sequence, OutboxEntryState State, int Attempts, string? LastError, TicketReference? Ticket, DateTimeOffset UpdatedAt);

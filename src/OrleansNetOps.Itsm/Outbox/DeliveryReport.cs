using System.Collections.Immutable;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Outbox;

/// <summary>What one delivery pass did.</summary>
/// <param name="Delivered">Events delivered, with their tickets.</param>
/// <param name="Failed">Events that failed this pass (id and error); transient ones stay pending.</param>
/// <param name="Deferred">Events not tried because an earlier event of the same incident failed (tickets move in order).</param>
public sealed record DeliveryReport(
    ImmutableArray<(string EventId, TicketReference Ticket)> Delivered,
    ImmutableArray<(string EventId, string Error)> Failed,
    ImmutableArray<string> Deferred);

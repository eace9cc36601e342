namespace OrleansNetOps.Itsm.Tickets;

/// <summary>
/// The deduplicating order every ticketing system follows: the ticket already known, else the one found by correlation
/// id, else a new one; then the event's own change, unless it was the creation.
/// </summary>
internal static class TicketFlow
{
    public static async Task<TicketReference> ApplyAsync(
        TicketEvent ticketEvent,
        TicketReference? known,
        Func<string, CancellationToken, Task<TicketReference?>> find,
        Func<TicketEvent, CancellationToken, Task<TicketReference>> create,
        Func<TicketReference, TicketEvent, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var ticket = known ?? await find(ticketEvent.CorrelationId, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            ticket = await create(ticketEvent, cancellationToken).ConfigureAwait(false);
            if (ticketEvent.Kind == TicketEventKind.Created)
            {
                return ticket;
            }
        }

        // A Created event for an incident that already has its ticket changes nothing: the receiving side deduplicates.
        if (ticketEvent.Kind != TicketEventKind.Created)
        {
            await change(ticket, ticketEvent, cancellationToken).ConfigureAwait(false);
        }

        return ticket;
    }
}

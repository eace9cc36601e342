namespace OrleansNetOps.Itsm.Tickets;

/// <summary>
/// A ticketing system that applies incident events to one ticket per correlation id. Applying is idempotent on the
/// receiving side: the ticket is looked up by correlation id before one is created, so an event delivered twice
/// (at-least-once) never makes a second ticket.
/// </summary>
public interface ITicketSystem
{
    /// <summary><c>servicenow</c> or <c>jira</c>.</summary>
    string Name { get; }

    /// <summary>Applies <paramref name="ticketEvent"/>; <paramref name="known"/> is the ticket found before, if any.</summary>
    /// <exception cref="TicketSystemException">The system refused or failed; <see cref="TicketSystemException.IsTransient"/> says whether a retry may help.</exception>
    Task<TicketReference> ApplyAsync(TicketEvent ticketEvent, TicketReference? known, CancellationToken cancellationToken = default);
}

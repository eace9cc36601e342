using Orleans.Concurrency;
using OrleansNetOps.Itsm.Outbox;

namespace OrleansNetOps.Grains.Itsm;

/// <summary>
/// The ITSM outbox of a domain (key: the domain). It follows the incidents on the domain's live-feed stream
/// (<c>NetOpsStreams.Events</c>, kind <c>incident</c>) and carries ticket events (created, enriched, resolved, closed)
/// to every configured ticketing system at least once, in order per incident, with the incident id as correlation id.
/// </summary>
public interface ITicketOutboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes an incident in its REST shape (as the live feed carries it) and enqueues the ticket events its move calls
    /// for; the stream subscription calls this for every incident event. The same update twice enqueues nothing new.
    /// </summary>
    /// <param name="incidentJson">The incident (API.md shape, with <c>state</c>).</param>
    /// <param name="at">When it changed.</param>
    /// <returns>How many events were enqueued (over all systems).</returns>
    /// <exception cref="FormatException">The JSON is not an incident; the message names the field.</exception>
    Task<int> ObserveIncidentAsync(string incidentJson, DateTimeOffset at);

    /// <summary>The incident's ticket in the primary system (the first configured), else in any; null before one exists.</summary>
    [AlwaysInterleave]
    Task<IncidentTicket?> GetTicketAsync(string incidentId);

    /// <summary>The incident's tickets in every system that has one.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<IncidentTicket>> GetTicketsAsync(string incidentId);

    /// <summary>The incident's outbox entries per system, with their delivery records.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyDictionary<string, IReadOnlyList<OutboxEntry>>> GetEntriesAsync(string incidentId);

    /// <summary>Runs a delivery pass now (the timer runs them anyway while events wait).</summary>
    Task DeliverNowAsync();
}

using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Incidents;

/// <summary>
/// Turns an incident's moves into ticket events: its first sighting creates the ticket, <c>resolved</c> and
/// <c>closed</c> resolve and close it, and any other change of what the ticket shows (state, severity, title, root
/// cause, routers, actions) enriches it. Event ids are stable — <c>INC:created</c>, <c>INC:resolved</c>,
/// <c>INC:closed</c>, <c>INC:enriched:&lt;digest of the content&gt;</c> — so the same incident update seen twice
/// enqueues nothing new.
/// </summary>
public static class IncidentTicketEvents
{
    /// <summary>The events an update of the incident calls for.</summary>
    /// <param name="previous">The incident as last seen, or null.</param>
    /// <param name="current">The incident now.</param>
    /// <param name="at">When it changed.</param>
    public static IReadOnlyList<TicketEvent> Next(IncidentView? previous, IncidentView current, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is not null && previous.Id != current.Id)
        {
            throw new ArgumentException($"incident {current.Id} compared with incident {previous.Id}", nameof(previous));
        }

        var events = new List<TicketEvent>();
        if (previous is null)
        {
            events.Add(Event(current, TicketEventKind.Created, at, $"{current.Id}:created", null));
        }

        var wasFinished = previous?.State is "resolved" or "closed";
        switch (current.State)
        {
            case "resolved" when previous?.State != "resolved":
                events.Add(Event(current, TicketEventKind.Resolved, at, $"{current.Id}:resolved", $"Resolved. {Summary(current)}"));
                break;
            case "closed" when previous?.State != "closed":
                events.Add(Event(current, TicketEventKind.Closed, at, $"{current.Id}:closed", $"Closed. {Summary(current)}"));
                break;
            case "open" or "acknowledged" or "mitigating" when previous is not null && (wasFinished || Content(previous) != Content(current)):
                events.Add(Event(current, TicketEventKind.Enriched, at, $"{current.Id}:enriched:{Digest(Content(current))}", Changes(previous, current)));
                break;
            case "open" or "acknowledged" or "mitigating" when previous is null && current.State != "open":
                events.Add(Event(current, TicketEventKind.Enriched, at, $"{current.Id}:enriched:{Digest(Content(current))}", $"State: {current.State}."));
                break;
        }

        return events;
    }

    /// <summary>What a ticket shows of the incident, as one text (what "changed" means for enrichment).</summary>
    public static string Content(IncidentView incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return $"{incident.State}\n{incident.Severity}\n{incident.Title}\n{incident.Describe()}";
    }

    private static TicketEvent Event(IncidentView incident, TicketEventKind kind, DateTimeOffset at, string id, string? note) =>
        new(id, incident.Id, kind, at) { Title = incident.Title, Description = incident.Describe(), Severity = incident.Severity, Note = note };

    private static string Changes(IncidentView previous, IncidentView current)
    {
        var notes = new List<string>();
        if (previous.State != current.State)
        {
            notes.Add($"State: {previous.State} → {current.State}.");
        }

        if (previous.Severity != current.Severity)
        {
            notes.Add($"Severity: {previous.Severity} → {current.Severity}.".ToLowerInvariant());
        }

        if (previous.RootCause != current.RootCause && current.RootCause is not null)
        {
            notes.Add($"Root cause: {current.RootCause}.");
        }

        var newActions = current.ActionIds.Except(previous.ActionIds, StringComparer.Ordinal).ToList();
        if (newActions.Count > 0)
        {
            notes.Add($"Actions: {string.Join(", ", newActions)}.");
        }

        var newRouters = current.Routers.Except(previous.Routers, StringComparer.Ordinal).ToList();
        if (newRouters.Count > 0)
        {
            notes.Add($"Routers: {string.Join(", ", newRouters)}.");
        }

        return notes.Count > 0 ? string.Join(' ', notes) : "Updated.";
    }

    private static string Summary(IncidentView incident) => incident.RootCause is { } cause ? $"Root cause: {cause}." : string.Empty;

    private static string Digest(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
}

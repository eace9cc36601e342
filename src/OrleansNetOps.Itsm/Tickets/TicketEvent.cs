using System.Text.RegularExpressions;
using Orleans;

namespace OrleansNetOps.Itsm.Tickets;

/// <summary>
/// One change of an incident, to be carried to the ticketing system. Every event carries the incident's current
/// title, description and severity, so that any one of them can (re)create the ticket should the earlier ones be lost.
/// </summary>
/// <param name="Id">Unique and stable (e.g. <c>INC-7:resolved</c>): enqueuing the same id twice keeps one event.</param>
/// <param name="CorrelationId">The incident id; the ticketing system finds the ticket by it.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened.</param>
[GenerateSerializer, Immutable]
public sealed partial record TicketEvent(string Id, string CorrelationId, TicketEventKind Kind, DateTimeOffset At)
{
    /// <summary>The ticket's title (ServiceNow <c>short_description</c>, Jira <c>summary</c>).</summary>
    [field: Id(4)]
    public string Title { get; init; } = string.Empty;

    /// <summary>The ticket's body.</summary>
    [field: Id(5)]
    public string Description { get; init; } = string.Empty;

    /// <summary>The incident's severity (ServiceNow urgency and impact, Jira priority).</summary>
    [field: Id(6)]
    public TicketSeverity Severity { get; init; } = TicketSeverity.Minor;

    /// <summary>A note for this change (work note, comment, resolution note).</summary>
    [field: Id(7)]
    public string? Note { get; init; }

    /// <summary>Problems that would make the event undeliverable, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            errors.Add("id: is required");
        }

        // It goes into ServiceNow encoded queries and Jira labels and JQL: only characters that mean nothing there.
        if (CorrelationId is null || !CorrelationPattern().IsMatch(CorrelationId))
        {
            errors.Add($"correlationId: '{CorrelationId}' must be 1-100 characters of letters, digits, '.', '_', ':' and '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add("title: is required (a ticket may be created from any event)");
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]
    private static partial Regex CorrelationPattern();
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Jira;

/// <summary>
/// Incidents as Jira issues (REST API v2): an issue carries the label <c>netops-&lt;correlation id&gt;</c>, found
/// with a JQL search before one is created (<c>POST /rest/api/2/issue</c> with <c>fields.project.key</c>,
/// <c>summary</c>, <c>description</c>, <c>issuetype</c>); enrichments are comments, each tagged with its event id so a
/// redelivery adds none; resolving and closing are workflow transitions (<c>/rest/api/2/issue/{key}/transitions</c>).
/// </summary>
public sealed class JiraTicketSystem : ITicketSystem
{
    /// <summary>The system's name on tickets.</summary>
    public const string SystemName = "jira";

    /// <summary>The label every issue of ours carries, beside its correlation label.</summary>
    public const string Label = "netops";

    private readonly TicketHttp _http;
    private readonly JiraOptions _options;

    /// <summary>Creates the adapter.</summary>
    public JiraTicketSystem(HttpClient http, JiraOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new TicketHttp(http, SystemName, options.BaseUrl, options.User, options.ApiToken, options.BearerToken);
    }

    /// <inheritdoc />
    public string Name => SystemName;

    /// <summary>The label that ties an issue to its incident.</summary>
    public static string CorrelationLabel(string correlationId) => $"{Label}-{correlationId}";

    /// <inheritdoc />
    public Task<TicketReference> ApplyAsync(TicketEvent ticketEvent, TicketReference? known, CancellationToken cancellationToken = default) =>
        TicketFlow.ApplyAsync(ticketEvent, known, FindAsync, CreateAsync, ChangeAsync, cancellationToken);

    private async Task ChangeAsync(TicketReference ticket, TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        switch (ticketEvent.Kind)
        {
            case TicketEventKind.Resolved:
                await TransitionAsync(ticket, _options.ResolveTransition, _options.ResolvedStatus, cancellationToken).ConfigureAwait(false);
                await CommentAsync(ticket, ticketEvent, ticketEvent.Note ?? "Resolved by OrleansNetOps.", cancellationToken).ConfigureAwait(false);
                break;
            case TicketEventKind.Closed:
                await TransitionAsync(ticket, _options.CloseTransition, _options.ClosedStatus, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await CommentAsync(ticket, ticketEvent, ticketEvent.Note ?? ticketEvent.Description, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<TicketReference?> FindAsync(string correlationId, CancellationToken cancellationToken)
    {
        var jql = $"project = \"{_options.ProjectKey}\" AND labels = \"{CorrelationLabel(correlationId)}\" ORDER BY created ASC";
        var answer = await _http.SendAsync(HttpMethod.Get, $"rest/api/2/search?jql={Uri.EscapeDataString(jql)}&fields=key&maxResults=1",
            null, cancellationToken, HttpStatusCode.OK).ConfigureAwait(false);
        return answer?["issues"] is JsonArray { Count: > 0 } issues ? Reference(issues[0], correlationId) : null;
    }

    private async Task<TicketReference> CreateAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = _options.ProjectKey },
            ["summary"] = ticketEvent.Title,
            ["description"] = ticketEvent.Description,
            ["issuetype"] = new JsonObject { ["name"] = _options.IssueType },
            ["labels"] = new JsonArray(Label, CorrelationLabel(ticketEvent.CorrelationId)),
        };
        if (_options.Priorities.TryGetValue(ticketEvent.Severity, out var priority))
        {
            fields["priority"] = new JsonObject { ["name"] = priority };
        }

        var answer = await _http.SendAsync(HttpMethod.Post, "rest/api/2/issue", new JsonObject { ["fields"] = fields }, cancellationToken, HttpStatusCode.Created).ConfigureAwait(false);
        return Reference(answer, ticketEvent.CorrelationId);
    }

    private async Task CommentAsync(TicketReference ticket, TicketEvent ticketEvent, string text, CancellationToken cancellationToken)
    {
        // At-least-once delivery may repeat an event: its id in the comment lets a repeat find it and stop.
        var marker = $"[netops event {ticketEvent.Id}]";
        var path = $"rest/api/2/issue/{Uri.EscapeDataString(ticket.Key)}/comment";
        var existing = await _http.SendAsync(HttpMethod.Get, path + "?maxResults=1000", null, cancellationToken, HttpStatusCode.OK).ConfigureAwait(false);
        if (existing?["comments"] is JsonArray comments && comments.Any(c => c?["body"]?.GetValue<string>().Contains(marker, StringComparison.Ordinal) == true))
        {
            return;
        }

        await _http.SendAsync(HttpMethod.Post, path, new JsonObject { ["body"] = $"{text}\n\n{marker}" }, cancellationToken, HttpStatusCode.Created).ConfigureAwait(false);
    }

    private async Task TransitionAsync(TicketReference ticket, string transition, string targetStatus, CancellationToken cancellationToken)
    {
        var path = $"rest/api/2/issue/{Uri.EscapeDataString(ticket.Key)}/transitions";
        var answer = await _http.SendAsync(HttpMethod.Get, path, null, cancellationToken, HttpStatusCode.OK).ConfigureAwait(false);
        var available = (answer?["transitions"] as JsonArray ?? []).Where(t => t is not null).Select(t => t!).ToList();
        var chosen = available.FirstOrDefault(t => string.Equals(t["name"]?.GetValue<string>(), transition, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            var id = _http.Required(chosen, $"transition {transition}", "id");
            await _http.SendAsync(HttpMethod.Post, path, new JsonObject { ["transition"] = new JsonObject { ["id"] = id } }, cancellationToken, HttpStatusCode.NoContent).ConfigureAwait(false);
            return;
        }

        // Not offered: fine when the issue is already where the transition leads (a repeated event), an error otherwise.
        var issue = await _http.SendAsync(HttpMethod.Get, $"rest/api/2/issue/{Uri.EscapeDataString(ticket.Key)}?fields=status", null, cancellationToken, HttpStatusCode.OK).ConfigureAwait(false);
        var status = _http.Required(issue, ticket.Key, "fields", "status", "name");
        if (!string.Equals(status, targetStatus, StringComparison.OrdinalIgnoreCase))
        {
            throw new TicketSystemException(SystemName,
                $"{ticket.Key}: transition '{transition}' is not available from status '{status}' (available: {string.Join(", ", available.Select(t => t["name"]?.GetValue<string>()))})",
                null, isTransient: false);
        }
    }

    private TicketReference Reference(JsonNode? issue, string correlationId)
    {
        var key = _http.Required(issue, "issue", "key");
        var id = issue?["id"]?.ToString() ?? key;
        return new TicketReference(SystemName, key, new Uri(_http.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"browse/{Uri.EscapeDataString(key)}")), correlationId, id);
    }
}

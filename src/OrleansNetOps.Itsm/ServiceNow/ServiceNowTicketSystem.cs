using System.Net;
using System.Text.Json.Nodes;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.ServiceNow;

/// <summary>
/// Incidents in ServiceNow's Table API: <c>GET /api/now/table/incident?sysparm_query=correlation_id=X</c> finds the
/// ticket, <c>POST</c> creates it (<c>short_description</c>, <c>description</c>, <c>urgency</c>, <c>impact</c>,
/// <c>correlation_id</c>), <c>PATCH .../{sys_id}</c> adds work notes, resolves (state 6 with <c>close_code</c> and
/// <c>close_notes</c>) and closes (state 7).
/// </summary>
public sealed class ServiceNowTicketSystem : ITicketSystem
{
    /// <summary>The system's name on tickets.</summary>
    public const string SystemName = "servicenow";

    private const string Table = "api/now/table/incident";
    private const string StateResolved = "6";
    private const string StateClosed = "7";
    private readonly TicketHttp _http;
    private readonly ServiceNowOptions _options;

    /// <summary>Creates the adapter.</summary>
    public ServiceNowTicketSystem(HttpClient http, ServiceNowOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new TicketHttp(http, SystemName, options.BaseUrl, options.User, options.Password, options.BearerToken);
    }

    /// <inheritdoc />
    public string Name => SystemName;

    /// <inheritdoc />
    public Task<TicketReference> ApplyAsync(TicketEvent ticketEvent, TicketReference? known, CancellationToken cancellationToken = default) =>
        TicketFlow.ApplyAsync(ticketEvent, known, FindAsync, CreateAsync, ChangeAsync, cancellationToken);

    private async Task ChangeAsync(TicketReference ticket, TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        var (urgency, impact) = Priority(ticketEvent.Severity);
        var patch = ticketEvent.Kind switch
        {
            TicketEventKind.Resolved => new JsonObject
            {
                ["state"] = StateResolved,
                ["close_code"] = _options.CloseCode,
                ["close_notes"] = ticketEvent.Note ?? "Resolved by OrleansNetOps.",
            },
            TicketEventKind.Closed => new JsonObject
            {
                ["state"] = StateClosed,
                ["close_code"] = _options.CloseCode,
                ["close_notes"] = ticketEvent.Note ?? "Closed by OrleansNetOps.",
            },
            _ => new JsonObject
            {
                ["short_description"] = ticketEvent.Title,
                ["urgency"] = urgency,
                ["impact"] = impact,
            },
        };
        if (ticketEvent.Kind == TicketEventKind.Enriched)
        {
            if (ticketEvent.Description.Length > 0)
            {
                patch["description"] = ticketEvent.Description;
            }

            if (ticketEvent.Note is { } note)
            {
                patch["work_notes"] = note;
            }
        }

        await _http.SendAsync(HttpMethod.Patch, $"{Table}/{Uri.EscapeDataString(ticket.ExternalId)}", patch, cancellationToken, HttpStatusCode.OK).ConfigureAwait(false);
    }

    private async Task<TicketReference?> FindAsync(string correlationId, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString($"correlation_id={correlationId}");
        var answer = await _http.SendAsync(HttpMethod.Get, $"{Table}?sysparm_query={query}&sysparm_fields=sys_id,number,correlation_id&sysparm_limit=1",
            null, cancellationToken, HttpStatusCode.OK).ConfigureAwait(false);
        return answer?["result"] is JsonArray { Count: > 0 } found ? Reference(found[0], correlationId) : null;
    }

    private async Task<TicketReference> CreateAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        var (urgency, impact) = Priority(ticketEvent.Severity);
        var body = new JsonObject
        {
            ["short_description"] = ticketEvent.Title,
            ["description"] = ticketEvent.Description,
            ["urgency"] = urgency,
            ["impact"] = impact,
            ["correlation_id"] = ticketEvent.CorrelationId,
            ["correlation_display"] = "OrleansNetOps",
        };
        if (ticketEvent.Note is { } note)
        {
            body["work_notes"] = note;
        }

        if (_options.AssignmentGroup is { } group)
        {
            body["assignment_group"] = group;
        }

        var answer = await _http.SendAsync(HttpMethod.Post, Table, body, cancellationToken, HttpStatusCode.Created, HttpStatusCode.OK).ConfigureAwait(false);
        return Reference(answer?["result"], ticketEvent.CorrelationId);
    }

    private TicketReference Reference(JsonNode? record, string correlationId)
    {
        var sysId = _http.Required(record, "incident", "sys_id");
        var number = _http.Required(record, "incident", "number");
        return new TicketReference(SystemName, number, new Uri(_http.BaseUrl, $"nav_to.do?uri=incident.do%3Fsys_id%3D{Uri.EscapeDataString(sysId)}"), correlationId, sysId);
    }

    // ServiceNow's 1 (high) .. 3 (low) scales; priority is derived from the two by the instance.
    private static (string Urgency, string Impact) Priority(TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => ("1", "1"),
        TicketSeverity.Major => ("1", "2"),
        TicketSeverity.Minor => ("2", "2"),
        _ => ("3", "3"),
    };
}

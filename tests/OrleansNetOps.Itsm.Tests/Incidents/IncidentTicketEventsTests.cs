using OrleansNetOps.Itsm.Incidents;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Tests.Incidents;

public sealed class IncidentTicketEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static IncidentView View(string state, string? rootCause = null, string actions = "[]", string severity = "major") => IncidentView.Parse($$"""
        {"id":"INC-7","title":"ISP-A congestion","severity":"{{severity}}","state":"{{state}}","openedAt":"2026-12-06T02:58:00Z","routers":["R1"],
         "rootCause":{{(rootCause is null ? "null" : $$"""{"summary":"{{rootCause}}","confidence":0.91,"evidence":["BMP Peer Down",{"kind":"forecast"}]}""")}},
         "actionIds":{{actions}},"ticket":null}
        """);

    private static string[] Kinds(IReadOnlyList<TicketEvent> events) => [.. events.Select(e => $"{e.Kind}:{e.Id}")];

    [Fact]
    public void An_incident_moving_from_open_to_closed_creates_enriches_resolves_and_closes_its_ticket()
    {
        var open = View("open");
        var created = IncidentTicketEvents.Next(null, open, At);
        Assert.Equal(["Created:INC-7:created"], Kinds(created));
        Assert.Equal(("ISP-A congestion", TicketSeverity.Major, "INC-7"), (created[0].Title, created[0].Severity, created[0].CorrelationId));
        Assert.Equal("OrleansNetOps incident INC-7 (open).\nOpened: 2026-12-06 02:58:00 UTC\nRouters: R1", created[0].Description);

        var mitigating = View("mitigating", "fibre cut R1-ISP-A", """["act-1"]""");
        var enriched = Assert.Single(IncidentTicketEvents.Next(open, mitigating, At));
        Assert.Equal(TicketEventKind.Enriched, enriched.Kind);
        Assert.StartsWith("INC-7:enriched:", enriched.Id, StringComparison.Ordinal);
        Assert.Equal("State: open → mitigating. Root cause: fibre cut R1-ISP-A. Actions: act-1.", enriched.Note);
        Assert.Contains("Root cause: fibre cut R1-ISP-A (confidence 0.91)\n  - BMP Peer Down\n  - {\"kind\":\"forecast\"}", enriched.Description, StringComparison.Ordinal);
        Assert.Empty(IncidentTicketEvents.Next(mitigating, mitigating, At));
        Assert.Equal(enriched.Id, IncidentTicketEvents.Next(open, mitigating, At.AddMinutes(1))[0].Id);

        var resolved = View("resolved", "fibre cut R1-ISP-A", """["act-1"]""");
        Assert.Equal(["Resolved:INC-7:resolved"], Kinds(IncidentTicketEvents.Next(mitigating, resolved, At)));
        Assert.Equal(["Closed:INC-7:closed"], Kinds(IncidentTicketEvents.Next(resolved, View("closed", "fibre cut R1-ISP-A", """["act-1"]"""), At)));
    }

    [Fact]
    public void An_incident_first_seen_late_still_gets_its_ticket_and_a_reopened_one_is_enriched()
    {
        Assert.Equal(["Created:INC-7:created", "Resolved:INC-7:resolved"], Kinds(IncidentTicketEvents.Next(null, View("resolved"), At)));
        var acknowledged = IncidentTicketEvents.Next(null, View("acknowledged"), At);
        Assert.Equal([TicketEventKind.Created, TicketEventKind.Enriched], acknowledged.Select(e => e.Kind));
        Assert.Equal("State: acknowledged.", acknowledged[1].Note);

        var reopened = Assert.Single(IncidentTicketEvents.Next(View("resolved"), View("open"), At));
        Assert.Equal((TicketEventKind.Enriched, "State: resolved → open."), (reopened.Kind, reopened.Note));
        Assert.Equal("severity: major → critical.", Assert.Single(IncidentTicketEvents.Next(View("open"), View("open", severity: "critical"), At)).Note);
    }

    [Theory]
    [InlineData("""[1]""", "incident: expected an object but found Array")]
    [InlineData("""{"state":"open"}""", "incident: 'id' is missing")]
    [InlineData("""{"id":"INC-1"}""", "incident INC-1: 'state' is missing")]
    [InlineData("""{"id":"INC-1","state":"open","severity":"huge"}""", "incident INC-1: severity 'huge' is not one of info|minor|major|critical")]
    [InlineData("""{"id":"INC-1","state":"open","openedAt":"yesterday"}""", "incident INC-1: openedAt 'yesterday' is not a time")]
    public void Bad_incident_json_is_refused_naming_the_field(string json, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => IncidentView.Parse(json)).Message);
}

using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Tests;

/// <summary>The ticket events of one incident as it moves, the way the incident grain enqueues them.</summary>
internal static class Incident
{
    private static readonly DateTimeOffset s_opened = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static TicketEvent Event(string incident, TicketEventKind kind, string? note = null, int minute = 0) =>
        new($"{incident}:{kind.ToString().ToLowerInvariant()}:{minute}", incident, kind, s_opened.AddMinutes(minute))
        {
            Title = $"{incident}: ISP-A utilisation heading for 85 % while R1-ISP-A is down",
            Description = "Forecast: ISP-A reaches 85 % in 12 min; BMP Peer Down R1-ISP-A (hold timer expired).",
            Severity = TicketSeverity.Major,
            Note = note,
        };

    public static IEnumerable<TicketEvent> Lifecycle(string incident) =>
    [
        Event(incident, TicketEventKind.Created),
        Event(incident, TicketEventKind.Enriched, "Root cause: fibre cut R1-ISP-A (confidence 0.91). Plan: LOCAL_PREF 200 on R2 from ISP-B, twin passed.", 2),
        Event(incident, TicketEventKind.Resolved, "LOCAL_PREF_ADJUST applied and verified; SLA back within 50 ms / 1 %.", 5),
        Event(incident, TicketEventKind.Closed, null, 30),
    ];
}

using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Grains.Itsm;

/// <summary>The outbox grain's persisted state: what it last saw of each incident, and each system's outbox.</summary>
[GenerateSerializer]
public sealed class TicketOutboxState
{
    /// <summary>The incident JSON last seen, by incident id: the base the next update is compared with.</summary>
    [Id(0)]
    public Dictionary<string, string> Incidents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Events with their delivery records, by system, in append order.</summary>
    [Id(1)]
    public Dictionary<string, List<OutboxEntry>> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tickets by system, then incident id.</summary>
    [Id(2)]
    public Dictionary<string, Dictionary<string, TicketReference>> Tickets { get; set; } = new(StringComparer.Ordinal);
}

using Orleans;

namespace OrleansNetOps.Itsm.Tickets;

/// <summary>What happened to the incident a ticket follows.</summary>
[GenerateSerializer]
public enum TicketEventKind
{
    /// <summary>The incident opened: create the ticket.</summary>
    Created,

    /// <summary>The incident learnt something (evidence, root cause, an action): update the ticket, add a note.</summary>
    Enriched,

    /// <summary>The incident is mitigated: resolve the ticket.</summary>
    Resolved,

    /// <summary>The incident is closed: close the ticket.</summary>
    Closed,
}

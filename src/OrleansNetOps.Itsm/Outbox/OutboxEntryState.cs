using Orleans;

namespace OrleansNetOps.Itsm.Outbox;

/// <summary>Where an event stands in the outbox.</summary>
[GenerateSerializer]
public enum OutboxEntryState
{
    /// <summary>Not delivered yet (possibly after failed attempts): the next delivery pass tries again.</summary>
    Pending,

    /// <summary>The ticketing system has it.</summary>
    Delivered,

    /// <summary>The ticketing system refused it for good (a 4xx other than 408/429); kept for the operator.</summary>
    Rejected,
}

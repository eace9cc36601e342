using Orleans;

namespace OrleansNetOps.Itsm.Tickets;

/// <summary>The incident's severity as the API names it (<c>info|minor|major|critical</c>).</summary>
[GenerateSerializer]
public enum TicketSeverity
{
    /// <summary><c>info</c>.</summary>
    Info,

    /// <summary><c>minor</c>.</summary>
    Minor,

    /// <summary><c>major</c>.</summary>
    Major,

    /// <summary><c>critical</c>.</summary>
    Critical,
}

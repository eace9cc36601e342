using System.Collections.Immutable;

namespace OrleansNetOps.Planning.Faults;

/// <summary>
/// The problem a plan is for, in the network's terms: an incident's root-cause hypothesis as the planner needs it.
/// </summary>
public sealed record Fault
{
    /// <summary>What sort of trouble.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>One line for people, e.g. "ISP-A utilisation 87 % (floor 85 %)".</summary>
    public required string Summary { get; init; }

    /// <summary>How sure the analysis is of this cause (0..1); a candidate's confidence starts from it.</summary>
    public required double Confidence { get; init; }

    /// <summary>Our routers involved, by topology id.</summary>
    public ImmutableArray<string> Routers { get; init; } = [];

    /// <summary>The ISP involved (congestion, degradation, a leak from it), by topology id.</summary>
    public string? Isp { get; init; }

    /// <summary>The neighbour of a session fault: a topology id (<c>ISP-C</c>, <c>R3</c>) or an address.</summary>
    public string? Peer { get; init; }

    /// <summary>Prefixes concerned (leaked or hijacked prefixes); empty when the fault is not about prefixes.</summary>
    public ImmutableArray<string> Prefixes { get; init; } = [];

    /// <summary>True when the session went down more than once recently, or for a physical reason that tends to repeat (a fibre cut under repair).</summary>
    public bool Recurring { get; init; }

    /// <summary>The measured utilisation of <see cref="Isp"/> (share of capacity), when known.</summary>
    public double? MeasuredUtilisation { get; init; }
}

using System.Collections.Immutable;
using OrleansNetOps.Planning.Faults;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>An incident as its grain keeps it.</summary>
public sealed record IncidentRecord
{
    /// <summary>Its id.</summary>
    public required string Id { get; init; }

    /// <summary>The coordinator domain.</summary>
    public required string Domain { get; init; }

    /// <summary>One line: the top cause.</summary>
    public required string Title { get; init; }

    /// <summary><c>info|minor|major|critical</c>; it only rises while the incident is open.</summary>
    public required string Severity { get; init; }

    /// <summary>One of <see cref="IncidentStates"/>.</summary>
    public required string State { get; init; }

    /// <summary>The state it returns to when its action ends without effect (open or acknowledged).</summary>
    public string Settled { get; init; } = IncidentStates.Open;

    /// <summary>When it opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The time of its latest finding.</summary>
    public required DateTimeOffset LastFindingAt { get; init; }

    /// <summary>When (our clock) the latest finding joined it: the plan waits until the evidence has settled.</summary>
    public DateTimeOffset JoinedAt { get; init; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Our routers involved.</summary>
    public ImmutableArray<string> Routers { get; init; } = [];

    /// <summary>The root-cause hypothesis, for people.</summary>
    public required string RootCause { get; init; }

    /// <summary>The hypothesis' subject (<c>link:R1~ISP-A</c>).</summary>
    public required string RootCauseSubject { get; init; }

    /// <summary>How sure, 0..1.</summary>
    public required double Confidence { get; init; }

    /// <summary>The findings, oldest first, one per finding id.</summary>
    public ImmutableArray<IncidentEvidence> Evidence { get; init; } = [];

    /// <summary>The fault as the planner needs it.</summary>
    public required Fault Fault { get; init; }

    /// <summary>Whether the planner has been asked for the current fault.</summary>
    public bool Planned { get; init; }

    /// <summary>Every candidate of the latest plan: the chosen one first, then the others in score order, then the blocked ones.</summary>
    public ImmutableArray<PlannedCandidate> Plan { get; init; } = [];

    /// <summary>Actions it proposed, oldest first.</summary>
    public ImmutableArray<string> ActionIds { get; init; } = [];

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>What happened, oldest first (bounded: the first entries and the latest).</summary>
    public ImmutableArray<IncidentEntry> Timeline { get; init; } = [];
}

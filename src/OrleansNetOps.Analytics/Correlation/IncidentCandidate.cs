using System.Collections.Immutable;
using Orleans;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>
/// Findings grouped by their likely common cause: what an incident is opened from. Plain data, so a correlator grain
/// can persist it as JSON.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IncidentCandidate
{
    /// <summary>Stable id: <c>c-</c> and 16 hex digits derived from the first finding's id.</summary>
    [field: Id(0)]
    public required string Id { get; init; }

    /// <summary>Time of the first finding.</summary>
    [field: Id(1)]
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Time of the latest finding.</summary>
    [field: Id(2)]
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The candidate stays open for new findings until then (longer while a session in it is suppressed for flapping).</summary>
    [field: Id(3)]
    public required DateTimeOffset HoldUntil { get; init; }

    /// <summary>When it closed; null while open.</summary>
    [field: Id(4)]
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The candidate it was merged into, when a later finding showed both had one cause.</summary>
    [field: Id(5)]
    public string? MergedInto { get; init; }

    /// <summary>How bad it is, from the findings that are not inhibited and the top cause.</summary>
    [field: Id(6)]
    public required IncidentSeverity Severity { get; init; }

    /// <summary>One line for a person: the top cause.</summary>
    [field: Id(7)]
    public required string Title { get; init; }

    /// <summary>Our routers involved, by topology id.</summary>
    [field: Id(8)]
    public required ImmutableArray<string> Routers { get; init; }

    /// <summary>One finding per deduplication key, oldest first; each carries the top cause as its candidate cause.</summary>
    [field: Id(9)]
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>How often each deduplication key was observed (repeats fold into the first finding).</summary>
    [field: Id(10)]
    public required ImmutableSortedDictionary<string, int> Occurrences { get; init; }

    /// <summary>Ids of findings the top cause explains as consequences (a Peer Down inhibits the loss and latency it causes).</summary>
    [field: Id(11)]
    public required ImmutableArray<string> Inhibited { get; init; }

    /// <summary>The most likely cause, with its confidence and evidence.</summary>
    [field: Id(12)]
    public required CandidateCause TopCause { get; init; }

    /// <summary>Other causes, most likely first.</summary>
    [field: Id(13)]
    public required ImmutableArray<CandidateCause> AlternativeCauses { get; init; }

    /// <summary>The evidence timeline of all its findings, oldest first (bounded: the first and the latest entries).</summary>
    [field: Id(14)]
    public required ImmutableArray<Evidence> Evidence { get; init; }

    /// <summary>True until closed.</summary>
    public bool IsOpen => ClosedAt is null;
}

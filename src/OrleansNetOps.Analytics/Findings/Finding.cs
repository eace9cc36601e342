using System.Collections.Immutable;
using Orleans;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>
/// A signal turned into a statement about the network: what was seen, about what, how strongly, and the evidence.
/// Every analyst (anomaly scoring, forecasts, BGP detectors, log templates) produces these; correlation groups them
/// into incident candidates.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Finding
{
    /// <summary>Stable identifier; the same observation always gets the same id (see <see cref="FindingId"/>).</summary>
    [field: Id(0)]
    public required string Id { get; init; }

    /// <summary>When the observation was made (the time of the data, not of the analysis).</summary>
    [field: Id(1)]
    public required DateTimeOffset At { get; init; }

    /// <summary>The router it was seen on, by topology id; null for network-wide findings (e.g. an origin hijack seen in a route collector's data).</summary>
    [field: Id(2)]
    public string? Router { get; init; }

    /// <summary>What kind of finding it is.</summary>
    [field: Id(3)]
    public required FindingKind Kind { get; init; }

    /// <summary>How strong or certain it is, in [0, 1].</summary>
    [field: Id(4)]
    public required double Score { get; init; }

    /// <summary>One line for a person.</summary>
    [field: Id(5)]
    public required string Summary { get; init; }

    /// <summary>The network object the finding is about.</summary>
    [field: Id(6)]
    public required FindingSubject Subject { get; init; }

    /// <summary>What supports it, oldest first.</summary>
    [field: Id(7)]
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    /// <summary>The cause correlation and root-cause analysis attributed it to, once known.</summary>
    [field: Id(8)]
    public CandidateCause? CandidateCause { get; init; }

    /// <summary>
    /// Key under which repeated observations of the same thing collapse (kind and subject by default); correlation
    /// deduplicates on it.
    /// </summary>
    public string DedupKey => $"{FindingKinds.Name(Kind)}|{Subject}";
}

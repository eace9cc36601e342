using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>
/// A signal turned into a statement about the network: what was seen, about what, how strongly, and the evidence.
/// Every analyst (anomaly scoring, forecasts, BGP detectors, log templates) produces these; correlation groups them
/// into incident candidates.
/// </summary>
public sealed record Finding
{
    /// <summary>Stable identifier; the same observation always gets the same id (see <see cref="FindingId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>When the observation was made (the time of the data, not of the analysis).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The router it was seen on, by topology id; null for network-wide findings (e.g. an origin hijack seen in a route collector's data).</summary>
    public string? Router { get; init; }

    /// <summary>What kind of finding it is.</summary>
    public required FindingKind Kind { get; init; }

    /// <summary>How strong or certain it is, in [0, 1].</summary>
    public required double Score { get; init; }

    /// <summary>One line for a person.</summary>
    public required string Summary { get; init; }

    /// <summary>The network object the finding is about.</summary>
    public required FindingSubject Subject { get; init; }

    /// <summary>What supports it, oldest first.</summary>
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    /// <summary>The cause correlation and root-cause analysis attributed it to, once known.</summary>
    public CandidateCause? CandidateCause { get; init; }

    /// <summary>
    /// Key under which repeated observations of the same thing collapse (kind and subject by default); correlation
    /// deduplicates on it.
    /// </summary>
    public string DedupKey => $"{FindingKinds.Name(Kind)}|{Subject}";
}

using OrleansNetOps.Analytics.Bgp;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>Time windows and limits of the <see cref="Correlator"/>.</summary>
public sealed record CorrelationOptions
{
    /// <summary>The defaults.</summary>
    public static CorrelationOptions Default { get; } = new();

    /// <summary>A candidate takes new findings until this long after its latest one.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How much a new finding may lower a candidate's top-cause confidence and still join it.</summary>
    public double JoinTolerance { get; init; } = 0.25;

    /// <summary>A finding joins a candidate only if the joint top cause reaches this confidence.</summary>
    public double MinimumJoinConfidence { get; init; } = 0.2;

    /// <summary>Alternative causes kept per candidate.</summary>
    public int Alternatives { get; init; } = 4;

    /// <summary>Most open candidates; beyond it the one whose window ends first is closed.</summary>
    public int MaxOpenCandidates { get; init; } = 1000;

    /// <summary>Most distinct findings per candidate; a full candidate takes only repeats.</summary>
    public int MaxFindingsPerCandidate { get; init; } = 200;

    /// <summary>Most evidence entries per candidate timeline.</summary>
    public int MaxEvidencePerCandidate { get; init; } = 50;

    /// <summary>How many finding ids are remembered so a replayed finding is ignored.</summary>
    public int RememberedFindingIds { get; init; } = 10_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public CorrelationOptions Validate()
    {
        OptionChecks.Require(Window > TimeSpan.Zero, "correlation option", nameof(Window), Window);
        OptionChecks.Require(JoinTolerance is >= 0 and <= 1, "correlation option", nameof(JoinTolerance), JoinTolerance);
        OptionChecks.Require(MinimumJoinConfidence is >= 0 and <= 1, "correlation option", nameof(MinimumJoinConfidence), MinimumJoinConfidence);
        OptionChecks.Require(Alternatives >= 0, "correlation option", nameof(Alternatives), Alternatives);
        OptionChecks.Require(MaxOpenCandidates >= 1, "correlation option", nameof(MaxOpenCandidates), MaxOpenCandidates);
        OptionChecks.Require(MaxFindingsPerCandidate >= 1, "correlation option", nameof(MaxFindingsPerCandidate), MaxFindingsPerCandidate);
        OptionChecks.Require(MaxEvidencePerCandidate >= 2, "correlation option", nameof(MaxEvidencePerCandidate), MaxEvidencePerCandidate);
        OptionChecks.Require(RememberedFindingIds >= 1, "correlation option", nameof(RememberedFindingIds), RememberedFindingIds);
        return this;
    }
}

using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.RootCause;

/// <summary>A cause as ranked against a set of findings.</summary>
/// <param name="Hypothesis">The cause and its fault mode.</param>
/// <param name="Cause">The cause as the finding model states it: subject, confidence, explanation, evidence.</param>
/// <param name="Explained">Ids of the findings it explains.</param>
/// <param name="Missing">Symptoms it should have produced that were not seen.</param>
public sealed record RankedCause(
    CauseHypothesis Hypothesis,
    CandidateCause Cause,
    ImmutableArray<string> Explained,
    ImmutableArray<string> Missing)
{
    /// <summary>The confidence, in [0, 1].</summary>
    public double Confidence => Cause.Confidence;
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>The recent outcomes of one exact scope, oldest first.</summary>
/// <param name="Scope">The scope (no wildcards).</param>
/// <param name="Recent">Its last outcomes, at most the demotion window.</param>
public sealed record ScopeTrackRecord(AutonomyScope Scope, ImmutableArray<OutcomeKind> Recent)
{
    /// <summary>Weighted share of correct outcomes (partial counts 0.3); 1 with no outcomes.</summary>
    [JsonIgnore]
    public double Accuracy => Recent.IsDefaultOrEmpty ? 1 : Recent.Sum(Credit) / Recent.Length;

    /// <summary>Share of false positives; 0 with no outcomes.</summary>
    [JsonIgnore]
    public double FalsePositiveRate => Recent.IsDefaultOrEmpty ? 0 : (double)Recent.Count(o => o == OutcomeKind.FalsePositive) / Recent.Length;

    private static double Credit(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Correct => 1,
        OutcomeKind.Partial => 0.3,
        _ => 0,
    };
}

using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Risk;

/// <summary>The classifier's result: level, score and each factor's part.</summary>
/// <param name="Level">The level.</param>
/// <param name="Score">Sum of the factors' points.</param>
/// <param name="Factors">Reversibility, scope, data sensitivity, compliance.</param>
public sealed record RiskAssessment(RiskLevel Level, int Score, ImmutableArray<RiskFactorScore> Factors);

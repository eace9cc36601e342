namespace OrleansNetOps.Planning.Scoring;

/// <summary>
/// How good a candidate is, term by term (see <see cref="PlanScorer"/>): <see cref="Total"/> = <see cref="Sla"/> +
/// <see cref="Stability"/> + <see cref="KnownPlan"/> − <see cref="BlastPenalty"/> − <see cref="CostPenalty"/>.
/// </summary>
/// <param name="Sla">How much of the fault the change removes, as the twin predicts it (1 fixes it; negative makes it worse).</param>
/// <param name="Fixes">Whether the twin predicts the fault gone.</param>
/// <param name="Stability">Bonus for holding a recurring failure still (a pinned session cannot bounce routes).</param>
/// <param name="KnownPlan">Bonus for a plan from the runbook catalogue.</param>
/// <param name="Blast">The twin's blast radius (larger of prefix and traffic shares).</param>
/// <param name="BlastPenalty">Blast weight × blast radius.</param>
/// <param name="CostChange">Relative change of transit cost per hour (−0.1 is 10 % cheaper).</param>
/// <param name="CostPenalty">Cost weight × relative cost change (negative for savings, bounded).</param>
/// <param name="Total">The score the default ranking orders by.</param>
/// <param name="Notes">What the twin predicts, in words (utilisation before → after, what moved).</param>
public sealed record CandidateScore(
    double Sla, bool Fixes, double Stability, double KnownPlan, double Blast, double BlastPenalty, double CostChange, double CostPenalty, double Total, string Notes);

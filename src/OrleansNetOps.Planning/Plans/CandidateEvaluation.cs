using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Scoring;

namespace OrleansNetOps.Planning.Plans;

/// <summary>One candidate after the twin, the scorer and governance have seen it, and what became of it.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Twin">The twin's verdict on it.</param>
/// <param name="Score">Its score.</param>
/// <param name="Decision">Governance's decision on it.</param>
/// <param name="Outcome">Chosen, outranked, or blocked.</param>
/// <param name="Why">Why it won or lost, in words.</param>
public sealed record CandidateEvaluation(Candidate Candidate, TwinVerdict Twin, CandidateScore Score, GovernanceDecision Decision, CandidateOutcome Outcome, string Why);

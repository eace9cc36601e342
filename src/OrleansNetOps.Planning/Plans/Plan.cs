using System.Collections.Immutable;
using OrleansNetOps.Planning.Candidates;

namespace OrleansNetOps.Planning.Plans;

/// <summary>The planner's answer: every candidate it weighed, best first, and the one it keeps.</summary>
/// <param name="Evaluations">Every candidate, chosen first, then the others in score order, then those that may not run.</param>
public sealed record Plan(ImmutableArray<CandidateEvaluation> Evaluations)
{
    /// <summary>The chosen candidate; null when none may run (every one is blocked: it failed the twin or crossed a hard limit).</summary>
    public CandidateEvaluation? Chosen => Evaluations.FirstOrDefault(e => e.Outcome == CandidateOutcome.Chosen);
}

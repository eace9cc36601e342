using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Planning.Scoring;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Planning.Plans;

/// <summary>
/// Chooses among candidates proven on the twin: a candidate whose what-if failed, or that governance blocks, is never
/// chosen (it is kept as blocked, with its violations); among the rest the highest score wins, ties going to the earlier candidate so
/// the same inputs always give the same plan.
/// </summary>
public static class Planner
{
    /// <summary>Plans for <paramref name="fault"/> from its candidates and their what-ifs.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="proven">Each candidate with the twin's what-if of exactly that change.</param>
    /// <param name="topology">The network.</param>
    /// <param name="context">Governance's policy and state now.</param>
    /// <param name="actionId">The action the plan is for (governance decisions carry it).</param>
    /// <param name="requester">Who asks (the resolver's identity or an operator).</param>
    /// <param name="domain">The coordinator domain.</param>
    public static Plan Choose(Fault fault, IReadOnlyList<(Candidate Candidate, WhatIfResult WhatIf)> proven, NetworkTopology topology,
        GovernanceContext context, string actionId, string requester, string domain)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(proven);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Policy.Floors.UtilisationPct / 100;
        var judged = proven.Select(p =>
        {
            var twin = TwinVerdict.From(p.WhatIf);
            var decision = Decide(p.Candidate, twin, topology, context, actionId, requester, domain);
            var score = PlanScorer.Score(fault, p.Candidate, p.WhatIf, twin.Blast, topology, target);
            return (p.Candidate, Twin: twin, Score: score, Decision: decision);
        }).ToList();

        var runnable = judged.Where(j => j.Twin.Passed && j.Decision.Verdict != DecisionVerdict.Blocked)
            .OrderByDescending(j => j.Score.Total).ToList();
        var best = runnable.Count > 0 ? runnable[0] : default;
        var result = ImmutableArray.CreateBuilder<CandidateEvaluation>(judged.Count);
        foreach (var j in runnable)
        {
            var chosen = ReferenceEquals(j.Candidate, best.Candidate);
            result.Add(new CandidateEvaluation(j.Candidate, j.Twin, j.Score, j.Decision,
                chosen ? CandidateOutcome.Chosen : CandidateOutcome.Outranked,
                chosen
                    ? $"best score {F(j.Score.Total)}: {j.Score.Notes}"
                    : $"score {F(j.Score.Total)} below {best.Candidate.Id}'s {F(best.Score.Total)} ({j.Decision.Tier} against {best.Decision.Tier}, blast {F(j.Twin.Blast)} against {F(best.Twin.Blast)}): {j.Score.Notes}"));
        }

        // A failed what-if is a hard limit too: governance blocks it with the twin's errors (blackholes, loops) as its violation.
        foreach (var j in judged.Where(j => !runnable.Contains(j)))
        {
            var violations = j.Decision.Violations.Where(v => v.Effect == Governance.Tiers.ViolationEffect.Block).Select(v => v.Message).ToList();
            if (violations.Count == 0)
            {
                violations.Add("the twin's what-if failed: " + (j.Twin.Errors.IsEmpty ? "(no detail)" : string.Join("; ", j.Twin.Errors)));
            }

            result.Add(new CandidateEvaluation(j.Candidate, j.Twin, j.Score, j.Decision, CandidateOutcome.Blocked, "blocked: " + string.Join("; ", violations)));
        }

        return new Plan(result.MoveToImmutable());
    }

    /// <summary>Governance's decision on one candidate as the proposal of <paramref name="actionId"/>.</summary>
    public static GovernanceDecision Decide(Candidate candidate, TwinVerdict? twin, NetworkTopology topology, GovernanceContext context,
        string actionId, string requester, string domain)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(topology);
        return GovernanceDecider.Decide(Proposal(candidate, twin, topology, actionId, requester, domain), context);
    }

    /// <summary>The proposal governance sees for a candidate.</summary>
    public static ProposedAction Proposal(Candidate candidate, TwinVerdict? twin, NetworkTopology topology, string actionId, string requester, string domain)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(topology);
        return new ProposedAction
        {
            ActionId = actionId,
            Router = candidate.Router,
            Action = candidate.Action,
            Parameters = candidate.Parameters,
            Confidence = candidate.Confidence,
            Twin = twin,
            Requester = requester,
            Domain = domain,
            DeviceClass = topology.Router(candidate.Router) is { } router ? OrleansNetOps.Topology.RouterRoleNames.Name(router.Role) : "unknown",
        };
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Planning.Plans;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Model;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Planning.Tests;

/// <summary>
/// The seed scenario's fibre cut, planned on the real twin: R1's session to ISP-A is down. Every candidate is proven on a
/// baseline that knows it (as the live BMP view does), and the plan is what a NOC engineer expects.
/// </summary>
public sealed class DeadSessionPlanTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly Fault s_cut = new()
    {
        Kind = FaultKind.SessionDown,
        Summary = "ISP-A down",
        Confidence = 0.9,
        Routers = ["R1"],
        Isp = "ISP-A",
        Peer = "ISP-A",
        Recurring = true,
    };

    [Fact]
    public void The_cut_session_is_kept_below_the_other_ISPs_on_R1_as_a_T1_change_and_failing_over_off_ISP_B_too_is_blocked_as_a_blackhole()
    {
        var plan = PlanOn(TwinState.Converge(Network.Topology, new TwinInputs { DownLinks = ["R1-ISP-A"] }));

        var chosen = plan.Chosen!;
        Assert.Equal(("R1", "LOCAL_PREF_ADJUST", "ISP-A", "in", 50L),
            (chosen.Candidate.Router, chosen.Candidate.Action, chosen.Candidate.Parameters.Peer, chosen.Candidate.Parameters.Direction, chosen.Candidate.Parameters.LocalPref));
        Assert.True(chosen.Twin.Passed);
        Assert.Equal(0, chosen.Twin.Blast);
        Assert.Equal(Tier.T1, chosen.Decision.Tier);
        Assert.Empty(chosen.Decision.Violations);
        Assert.True(chosen.Score.Stability > 0, chosen.Why);

        // ISP-B carries ISP-A's traffic now; failing over away from it as well leaves its prefixes with no path at all.
        var unsafeOne = Assert.Single(plan.Evaluations, e => e.Candidate is { Action: "ISP_FAILOVER", Parameters.Peer: "ISP-B" });
        Assert.Equal(CandidateOutcome.Blocked, unsafeOne.Outcome);
        Assert.Equal(DecisionVerdict.Blocked, unsafeOne.Decision.Verdict);
        var violation = Assert.Single(unsafeOne.Decision.Violations, v => v.Kind == ViolationKind.TwinFailed);
        Assert.Contains("blackhole: 151.101.0.0/16", violation.Message, StringComparison.Ordinal);
        Assert.Contains("blackhole: 8.8.8.0/24", violation.Message, StringComparison.Ordinal);
        Assert.StartsWith("blocked: the twin's what-if failed", unsafeOne.Why, StringComparison.Ordinal);

        // Holding the dead session down changes nothing either and scores the same; ties go to the earlier candidate, and
        // the catalogue proposes the fully reversible change first.
        Assert.Contains(plan.Evaluations, e => e.Candidate.Action == "PEER_DEACTIVATE" && e.Outcome == CandidateOutcome.Outranked);
    }

    [Fact]
    public void On_a_twin_that_still_believes_the_session_is_up_the_same_change_moves_traffic_so_the_plan_depends_on_the_live_state()
    {
        var stale = PlanOn(TwinState.Converge(Network.Topology));
        var live = PlanOn(TwinState.Converge(Network.Topology, new TwinInputs { DownLinks = ["R1-ISP-A"] }));

        var staleShift = Assert.Single(stale.Evaluations, e => e.Candidate.Action == "LOCAL_PREF_ADJUST");
        var liveShift = Assert.Single(live.Evaluations, e => e.Candidate.Action == "LOCAL_PREF_ADJUST");
        Assert.True(staleShift.Twin.Blast > 0, "with ISP-A up, keeping its routes low moves best paths");
        Assert.Equal(0, liveShift.Twin.Blast);
    }

    private static Plan PlanOn(TwinState baseline)
    {
        var candidates = CandidateCatalogue.Propose(s_cut, Network.Topology);
        var proven = candidates
            .Select(c => (c, WhatIfEngine.Run(baseline, new WhatIfRequest([new CatalogueChange(c.Router, c.Action, c.Parameters)]))))
            .ToList();
        var context = new GovernanceContext(GovernancePolicy.Default, AutonomyState.Initial with { Phase = AutonomyPhase.Semi }, RateLimitState.Empty, s_now);
        return Planner.Choose(s_cut, proven, Network.Topology, context, "act", "agent/incident/inc-1", "default");
    }
}

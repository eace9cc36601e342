using CsCheck;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Planning.Plans;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Planning.Tests;

public sealed class PlannerProperties
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static readonly Gen<Candidate> s_candidate = Gen.Select(
        Gen.OneOf("R1", "R2", "R3"),
        Gen.OneOf("LOCAL_PREF_ADJUST", "AS_PATH_PREPEND", "MED_ADJUST", "COMMUNITY_TAG", "FULL_REROUTE", "DEPEER", "PREFIX_FILTER"),
        Gen.Frequency((3, Gen.Long[0, 300]), (1, Gen.Long[-100, 1000])).Nullable(0.5),
        Gen.OneOf<string?>(null, "65001:100", "65001:999"),
        Gen.OneOf<string?>(null, "add", "remove", "replace"),
        Gen.Double[0, 1],
        (router, action, localPref, community, mode, confidence) => new Candidate("c", router, action,
            new ActionParameters { Peer = "ISP-A", Direction = "in", LocalPref = localPref, Community = community, Mode = mode }, "generated", "catalogue", confidence));

    private static readonly Gen<WhatIfResult> s_whatIf = Gen.Select(
        Gen.Frequency((3, Gen.Const(true)), (1, Gen.Const(false))),
        Gen.Double[0, 1],
        Gen.Double[0, 1.3],
        Gen.Double[0, 1.3],
        Gen.Frequency((4, Gen.Const<string[]>([])), (1, Gen.Const<string[]>(["ISP-B latency 90 ms > 80 ms"]))),
        (passed, share, before, after, breaches) => Network.WhatIf(passed, share, [Network.Isp("ISP-A", before, after), Network.Isp("ISP-B", 0.3, 0.3 + before - after)], breaches));

    private static readonly Gen<List<(Candidate, WhatIfResult)>> s_proven =
        Gen.Select(s_candidate, s_whatIf).List[1, 8].Select(list => list.Select((p, i) => (p.Item1 with { Id = $"c{i + 1}" }, p.Item2)).ToList());

    private static GovernanceContext Context(bool autonomous) => new(GovernancePolicy.Default,
        autonomous ? AutonomyState.Initial with { Phase = AutonomyPhase.Autonomous } : AutonomyState.Initial, RateLimitState.Empty, s_now);

    [Fact]
    public void Nothing_the_twin_fails_or_that_crosses_a_hard_limit_is_ever_chosen()
    {
        var fault = new Fault { Kind = FaultKind.Congestion, Summary = "ISP-A hot", Confidence = 0.9, Isp = "ISP-A" };
        s_proven.Sample(proven =>
        {
            var plan = Planner.Choose(fault, proven, Network.Topology, Context(true), "act", "resolver/act", "default");
            Assert.Equal(proven.Count, plan.Evaluations.Length);
            if (plan.Chosen is { } chosen)
            {
                Assert.True(chosen.Twin.Passed);
                Assert.NotEqual(DecisionVerdict.Blocked, chosen.Decision.Verdict);
                Assert.DoesNotContain(chosen.Decision.Violations, v => v.Effect == ViolationEffect.Block);
                var limits = GovernancePolicy.Default.Limits;
                Assert.True(chosen.Candidate.Parameters.LocalPref is null or >= 0 and <= 300);
                Assert.False(chosen.Candidate.Parameters is { Mode: "remove", Community: "65001:999" } && limits.ProtectedCommunities.Contains("65001:999"));
            }

            foreach (var e in plan.Evaluations)
            {
                Assert.True(e.Twin.Passed || (e.Outcome == CandidateOutcome.Blocked && e.Why.Contains("the twin's what-if failed", StringComparison.Ordinal)));
                Assert.True(e.Decision.Tier >= e.Decision.BaseTier);
                Assert.False(string.IsNullOrWhiteSpace(e.Why));
            }

            // Every runnable candidate ranks at or below the chosen one.
            var runnable = plan.Evaluations.Where(e => e.Outcome is CandidateOutcome.Chosen or CandidateOutcome.Outranked).ToList();
            Assert.Equal(runnable.Count > 0, plan.Chosen is not null);
            Assert.All(runnable, e => Assert.True(e.Score.Total <= plan.Chosen!.Score.Total));
        }, iter: 400);
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_plan()
    {
        var fault = new Fault { Kind = FaultKind.Congestion, Summary = "ISP-A hot", Confidence = 0.9, Isp = "ISP-A" };
        s_proven.Sample(proven =>
        {
            var a = Planner.Choose(fault, proven, Network.Topology, Context(false), "act", "r", "default");
            var b = Planner.Choose(fault, [.. proven], Network.Topology, Context(false), "act", "r", "default");
            Assert.Equal(a.Evaluations.Select(e => (e.Candidate.Id, e.Outcome)), b.Evaluations.Select(e => (e.Candidate.Id, e.Outcome)));
        }, iter: 100);
    }

    [Fact]
    public void Congestion_relief_beats_doing_nothing_and_a_blackhole_is_kept_with_its_reason()
    {
        var fault = new Fault { Kind = FaultKind.Congestion, Summary = "ISP-A 92 %", Confidence = 0.9, Isp = "ISP-A" };
        var candidates = CandidateCatalogue.Propose(fault, Network.Topology);
        var relief = Network.WhatIf(true, 0.1, [Network.Isp("ISP-A", 0.92, 0.6), Network.Isp("ISP-B", 0.4, 0.6)]);
        var nothing = Network.WhatIf(true, 0, [Network.Isp("ISP-A", 0.92, 0.92), Network.Isp("ISP-B", 0.4, 0.4)]);
        var broken = Network.WhatIf(false, 0.3);
        var proven = candidates.Select(c => (c, c.Action switch { "LOCAL_PREF_ADJUST" => relief, "NO_ACTION" => nothing, _ => broken })).ToList();
        var plan = Planner.Choose(fault, proven, Network.Topology, Context(false), "act", "r", "default");
        Assert.Equal("LOCAL_PREF_ADJUST", plan.Chosen!.Candidate.Action);
        Assert.True(plan.Chosen.Score.Fixes);
        var failed = Assert.Single(plan.Evaluations, e => e.Candidate.Action == "AS_PATH_PREPEND" && e.Candidate.Router == plan.Chosen.Candidate.Router);
        Assert.Equal(CandidateOutcome.Blocked, failed.Outcome);
        Assert.Contains("blackhole", failed.Why, StringComparison.Ordinal);
        Assert.Contains(plan.Evaluations, e => e.Candidate.Action == "NO_ACTION" && e.Outcome == CandidateOutcome.Outranked);
    }
}

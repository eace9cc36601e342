using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Planning.Plans;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Planning.Tests;

/// <summary>The narrow congestion shift, on the reference network's real twin with measured-style traffic.</summary>
public sealed class PrefixShiftTests
{
    private const double Gbps = 1e9 / 8;
    private static readonly TwinState s_network = TwinState.Converge(Network.Topology);
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    // ISP-A (10 Gbps) carries 8.8.8.0/24, 93.184.216.0/24 and 2001:4860::/32 from R1; the other two ISPs carry their own.
    private static List<TrafficVolume> Traffic(double ispA, double small = 1, double middle = 2, double large = 3)
    {
        var total = small + middle + large;
        return
        [
            new(IpPrefix.Parse("8.8.8.0/24"), ispA * 10 * Gbps * small / total),
            new(IpPrefix.Parse("93.184.216.0/24"), ispA * 10 * Gbps * middle / total),
            new(IpPrefix.Parse("2001:4860::/32"), ispA * 10 * Gbps * large / total),
            new(IpPrefix.Parse("151.101.0.0/16"), 3 * Gbps),
            new(IpPrefix.Parse("104.16.0.0/13"), 1.5 * Gbps),
        ];
    }

    private static Fault Congestion(double? measured = null, double confidence = 0.9375) => new()
    {
        Kind = FaultKind.Congestion, Summary = "ISP-A congested", Confidence = confidence, Isp = "ISP-A", Routers = ["R1"], MeasuredUtilisation = measured,
    };

    private static WhatIfResult Prove(Candidate candidate, IReadOnlyList<TrafficVolume> traffic) =>
        WhatIfEngine.Run(s_network, new WhatIfRequest([new CatalogueChange(candidate.Router, candidate.Action, candidate.Parameters)]), new WhatIfOptions { Traffic = traffic });

    private static (Candidate Whole, WhatIfResult Result) Whole(Fault fault, IReadOnlyList<TrafficVolume> traffic)
    {
        var whole = CandidateCatalogue.Propose(fault, Network.Topology).Single(c => c.Action == "LOCAL_PREF_ADJUST" && c.Router == "R1");
        return (whole, Prove(whole, traffic));
    }

    [Fact]
    public void The_narrow_shift_moves_the_fewest_prefixes_and_of_those_the_least_traffic_that_brings_the_isp_under_the_floor()
    {
        var traffic = Traffic(0.9);
        var fault = Congestion();
        var (whole, result) = Whole(fault, traffic);

        var narrow = PrefixShift.Narrow(fault, whole, result, traffic, Network.Topology, 0.85, "c9");

        // 2001:4860::/32 alone (half of ISP-A) would do too, but 8.8.8.0/24 (a sixth, 15 points) is enough: 90 → 75 %.
        Assert.NotNull(narrow);
        Assert.Equal(["8.8.8.0/24"], narrow.Parameters.Prefixes!.Value.ToArray());
        Assert.Equal(("c9", "R1", "LOCAL_PREF_ADJUST", "ISP-A", 50L), (narrow.Id, narrow.Router, narrow.Action, narrow.Parameters.Peer, narrow.Parameters.LocalPref));
        Assert.Equal(whole.Confidence, narrow.Confidence);
        var proven = Prove(narrow, traffic);
        Assert.True(proven.Passed, string.Join("; ", proven.Errors));
        var ispA = proven.PredictedSla.PerIsp.Single(p => p.Isp == "ISP-A");
        Assert.Equal(0.9, ispA.UtilisationBefore, 6);
        Assert.Equal(0.75, ispA.UtilisationAfter, 6);
        Assert.Equal(["8.8.8.0/24"], proven.Changes.Where(c => c.Router == "R1").Select(c => c.Prefix).Distinct());
        Assert.True(proven.BlastRadius.PrefixShare < result.BlastRadius.PrefixShare, $"{proven.BlastRadius.PrefixShare} vs {result.BlastRadius.PrefixShare}");
    }

    [Fact]
    public void A_larger_overload_needs_a_larger_prefix_and_one_no_single_prefix_fixes_takes_two()
    {
        // At 95 % with the small prefix a tenth of ISP-A (9.5 points) it is not enough for 80.75 %: the next that is, alone,
        // is the large one (93.184.216.0/24 is ISP-A's only, so it cannot move whatever it carries).
        var fault = Congestion();
        var skewed = Traffic(0.95, small: 1, middle: 6, large: 3);
        var (whole, result) = Whole(fault, skewed);
        Assert.Equal(["2001:4860::/32"], PrefixShift.Narrow(fault, whole, result, skewed, Network.Topology, 0.85, "c9")!.Parameters.Prefixes!.Value.ToArray());

        // Neither movable prefix alone: both together are the whole shift, so there is nothing narrower.
        var tight = Traffic(1.2, small: 1, middle: 8, large: 1);
        var (whole2, result2) = Whole(fault, tight);
        Assert.Null(PrefixShift.Narrow(fault, whole2, result2, tight, Network.Topology, 0.85, "c9"));
    }

    [Fact]
    public void The_counter_sets_the_level_and_the_flows_only_the_split()
    {
        // Flows (a minute old, sampled) say 70 %; the breach measured 96 %. Needed: 96 − 80.75 = 15.25 points; a sixth of 96 is 16.
        var traffic = Traffic(0.7);
        var fault = Congestion(measured: 0.96);
        var (whole, result) = Whole(fault, traffic);
        var narrow = PrefixShift.Narrow(fault, whole, result, traffic, Network.Topology, 0.85, "c9");
        Assert.Equal(["8.8.8.0/24"], narrow!.Parameters.Prefixes!.Value.ToArray());
        Assert.Contains("96 → 80", narrow.Rationale, StringComparison.Ordinal);

        // Nothing over the floor by either measure: nothing to narrow to.
        var calm = Congestion(measured: 0.6);
        Assert.Null(PrefixShift.Narrow(calm, whole, result, traffic, Network.Topology, 0.85, "c9"));
    }

    [Fact]
    public void Without_traffic_or_for_other_candidates_there_is_no_narrow_shift()
    {
        var fault = Congestion();
        var (whole, _) = Whole(fault, []);
        var blind = Prove(whole, []);
        Assert.Null(PrefixShift.Narrow(fault, whole, blind, [], Network.Topology, 0.85, "c9"));

        var traffic = Traffic(0.9);
        var prepend = CandidateCatalogue.Propose(fault, Network.Topology).Single(c => c.Action == "AS_PATH_PREPEND");
        Assert.Null(PrefixShift.Narrow(fault, prepend, Prove(prepend, traffic), traffic, Network.Topology, 0.85, "c9"));
    }

    [Fact]
    public void The_planner_chooses_the_narrow_shift_as_T1_and_says_why_the_whole_isp_shift_and_the_prepend_lost()
    {
        var traffic = Traffic(0.9);
        var fault = Congestion(measured: 0.9);
        var proven = CandidateCatalogue.Propose(fault, Network.Topology).Select(c => (Candidate: c, WhatIf: Prove(c, traffic))).ToList();
        var (whole, result) = proven.Single(p => p.Candidate.Action == "LOCAL_PREF_ADJUST");
        var narrow = PrefixShift.Narrow(fault, whole, result, traffic, Network.Topology, 0.85, $"c{proven.Count + 1}")!;
        proven.Add((narrow, Prove(narrow, traffic)));
        var context = new GovernanceContext(GovernancePolicy.Default, AutonomyState.Initial with { Phase = AutonomyPhase.Semi }, RateLimitState.Empty, s_now);

        var plan = Planner.Choose(fault, proven, Network.Topology, context, "act-1", "agent/incident/inc-1", "default");

        var chosen = plan.Chosen!;
        Assert.Same(narrow, chosen.Candidate);
        Assert.Equal(Tier.T1, chosen.Decision.Tier);
        Assert.True(chosen.Score.Fixes, chosen.Why);
        var wholeEvaluation = plan.Evaluations.Single(e => ReferenceEquals(e.Candidate, whole));
        Assert.Equal(CandidateOutcome.Outranked, wholeEvaluation.Outcome);
        Assert.NotEqual(Tier.T1, wholeEvaluation.Decision.Tier);
        Assert.Contains($"below {narrow.Id}'s", wholeEvaluation.Why, StringComparison.Ordinal);
        Assert.Contains("against T1", wholeEvaluation.Why, StringComparison.Ordinal);
        Assert.All(plan.Evaluations.Where(e => !ReferenceEquals(e, chosen)), e => Assert.False(string.IsNullOrWhiteSpace(e.Why)));
    }

    [Fact]
    public void Below_the_T1_confidence_the_narrow_shift_still_wins_on_score_but_waits_as_T2()
    {
        var traffic = Traffic(0.9);
        var fault = Congestion(measured: 0.9, confidence: 0.75);
        var proven = CandidateCatalogue.Propose(fault, Network.Topology).Select(c => (Candidate: c, WhatIf: Prove(c, traffic))).ToList();
        var (whole, result) = proven.Single(p => p.Candidate.Action == "LOCAL_PREF_ADJUST");
        var narrow = PrefixShift.Narrow(fault, whole, result, traffic, Network.Topology, 0.85, "c9")!;
        proven.Add((narrow, Prove(narrow, traffic)));
        var context = new GovernanceContext(GovernancePolicy.Default, AutonomyState.Initial with { Phase = AutonomyPhase.Semi }, RateLimitState.Empty, s_now);

        var chosen = Planner.Choose(fault, proven, Network.Topology, context, "act-1", "agent/incident/inc-1", "default").Chosen!;

        Assert.Equal("c9", chosen.Candidate.Id);
        Assert.Equal(Tier.T2, chosen.Decision.Tier);
    }
}

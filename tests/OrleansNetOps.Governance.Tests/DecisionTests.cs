using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Governance.Tests;

public sealed class DecisionTests
{
    private static readonly Lazy<TwinState> s_seed = new(() => TwinState.Converge(TopologyLoader.LoadFile(Repository.SiloConfig("topology.yaml"))));

    private static GovernanceDecision Decide(ProposedAction action, GovernanceContext? context = null) =>
        GovernanceDecider.Decide(action, context ?? Plans.Context(Plans.Autonomous()));

    [Fact]
    public void A_small_confident_reversible_change_runs_on_its_own_in_the_autonomous_phase()
    {
        var decision = Decide(Plans.LocalPref(blast: 0.05, confidence: 0.9));
        Assert.Equal(DecisionVerdict.AutoExecute, decision.Verdict);
        Assert.Equal((Tier.T1, Tier.T1), (decision.BaseTier, decision.Tier));
        Assert.Equal(RiskLevel.Low, decision.Risk.Level);
        Assert.Equal(3, decision.Risk.Score); // fully_reversible 0 + limited 1 + internal 1 + audit_logged 1
        Assert.Equal(new AutonomyScope("default", "edge", "path-preference"), decision.Scope);
        Assert.Equal(ApprovalRequirement.None, decision.Approval);
        Assert.Contains("blast radius 0.05 ≤ 0.25 and confidence 0.9 ≥ 0.8: T1", decision.Reasons);
    }

    [Fact]
    public void The_production_default_is_passive_so_even_T1_waits_for_a_person()
    {
        var decision = Decide(Plans.LocalPref(), Plans.Context());
        Assert.Equal(DecisionVerdict.AwaitApproval, decision.Verdict);
        Assert.Equal(new PhaseResolution(AutonomyPhase.Passive, "guardrails default"), decision.Phase);
        Assert.Equal(new ApprovalRequirement(1, TimeSpan.FromHours(1), TimeoutOutcome.Expire, 1, false, "T1"), decision.Approval);
    }

    [Fact]
    public void T2_is_approve_or_timeout_after_300_seconds_in_the_autonomous_phase_and_asks_a_person_in_the_semi_phase()
    {
        var plan = Plans.LocalPref(blast: 0.3, confidence: 0.7);
        var autonomous = Decide(plan);
        Assert.Equal(DecisionVerdict.AwaitApproval, autonomous.Verdict);
        Assert.Equal(Tier.T2, autonomous.Tier);
        Assert.Equal(RiskLevel.Medium, autonomous.Risk.Level); // broad scope: 0 + 2 + 1 + 1 = 4
        Assert.Equal(new ApprovalRequirement(1, TimeSpan.FromSeconds(300), TimeoutOutcome.Approve, 1, true, "T2"), autonomous.Approval);

        var semi = Decide(plan, Plans.Context(GovernancePolicy.Default, AutonomyState.Initial with { Phase = AutonomyPhase.Semi }));
        Assert.Equal(TimeoutOutcome.Escalate, semi.Approval.OnTimeout);
        Assert.Equal(TierMode.Approve, semi.Mode);
    }

    [Fact]
    public void Hard_limits_block_with_what_and_why()
    {
        var lp = Decide(Plans.LocalPref(localPref: 301));
        Assert.Equal(DecisionVerdict.Blocked, lp.Verdict);
        Assert.Equal(new Violation(ViolationKind.LocalPrefOutOfRange, ViolationEffect.Block, "localPref 301 is outside 0..300"), Assert.Single(lp.Violations));
        Assert.Equal(ApprovalRequirement.None, lp.Approval);

        var unproven = Decide(Plans.LocalPref() with { Twin = null });
        Assert.Equal(ViolationKind.TwinMissing, Assert.Single(unproven.Violations).Kind);
        Assert.Equal(Tier.T3, unproven.BaseTier);

        var failed = Decide(Plans.LocalPref() with { Twin = Plans.Passed(0.1) with { Passed = false, Errors = ["forwarding loop: 8.8.8.0/24: R1 → R3 → R1"] } });
        Assert.Equal("the twin's what-if failed: forwarding loop: 8.8.8.0/24: R1 → R3 → R1", Assert.Single(failed.Violations).Message);

        var removal = Decide(Plans.LocalPref() with { Action = "COMMUNITY_TAG", Parameters = new ActionParameters { Peer = "ISP-A", Community = "65001:100 65001:998", Mode = "remove" } });
        Assert.Equal(ViolationKind.ProtectedCommunityRemoved, Assert.Single(removal.Violations).Kind);

        var unknown = Decide(Plans.LocalPref() with { Action = "REBOOT" });
        Assert.Contains(unknown.Violations, v => v.Kind == ViolationKind.UnknownAction);

        Assert.Equal(DecisionVerdict.Blocked, Decide(Plans.LocalPref(confidence: 1.2)).Verdict);
        Assert.Equal(DecisionVerdict.Blocked, Decide(Plans.LocalPref() with { DataSensitivity = "secret" }).Verdict);
    }

    [Fact]
    public void Violations_escalate_one_tier_each_or_block_when_configured()
    {
        var plan = Plans.LocalPref(blast: 0.05);
        var asymmetric = plan with { Twin = plan.Twin! with { Asymmetric = ["8.8.8.0/24: out ISP-A, back ISP-B"] } };
        var oneStep = Decide(asymmetric);
        Assert.Equal((Tier.T1, Tier.T2), (oneStep.BaseTier, oneStep.Tier));
        Assert.Contains("escalated T1 → T2 by asymmetricPaths", oneStep.Reasons);

        var twoSteps = Decide(asymmetric with { Twin = asymmetric.Twin! with { SlaBreaches = ["ISP-B: latency 60 ms > 50 ms"] } });
        Assert.Equal(Tier.T3, twoSteps.Tier);

        var hot = Decide(plan with { Twin = plan.Twin! with { PerIsp = [new IspLoad("ISP-B", 0.70, 0.90), new IspLoad("ISP-A", 0.95, 0.5)] } });
        Assert.Equal("ISP-B utilisation 70 % → 90 % (floor 85 %)", Assert.Single(hot.Violations).Message);
        Assert.Equal(Tier.T2, hot.Tier);

        var strict = Plans.Autonomous() with
        {
            Tiers = GovernancePolicy.Default.Tiers with { Violations = [new ViolationRule(ViolationKind.AsymmetricPaths, ViolationEffect.Block)] },
        };
        Assert.Equal(DecisionVerdict.Blocked, Decide(asymmetric, Plans.Context(strict)).Verdict);

        var replace = Decide(plan with { Action = "COMMUNITY_TAG", Parameters = new ActionParameters { Peer = "ISP-A", Community = "65001:100", Mode = "replace" } });
        Assert.Equal(ViolationKind.CommunityReplace, Assert.Single(replace.Violations).Kind);
        Assert.Equal(Tier.T2, replace.Tier);
    }

    [Fact]
    public void Full_reroute_and_depeer_are_always_T3_and_risk_can_ask_for_more()
    {
        var reroute = Decide(Plans.LocalPref(blast: 0.01, confidence: 0.99) with { Action = "FULL_REROUTE", Parameters = new ActionParameters { Peer = "ISP-A" } });
        Assert.Equal((Tier.T3, Tier.T3), (reroute.BaseTier, reroute.Tier));
        Assert.Equal(RiskLevel.High, reroute.Risk.Level); // partially 2 + external 5 + 1 + 1
        Assert.Equal(DecisionVerdict.AwaitApproval, reroute.Verdict);

        var depeer = Decide(Plans.CriticalDepeer());
        Assert.Equal(RiskLevel.Critical, depeer.Risk.Level);
        Assert.Equal(16, depeer.Risk.Score);
        Assert.Equal(new ApprovalRequirement(2, TimeSpan.FromHours(8), TimeoutOutcome.Escalate, 1, true, "CRITICAL"), depeer.Approval);

        // T1 by blast and confidence, but HIGH by risk: one approver, 4 h, then escalation — even when autonomous.
        var deactivate = Decide(Plans.LocalPref(blast: 0.05) with { Action = "PEER_DEACTIVATE", Parameters = new ActionParameters { Peer = "ISP-A" } });
        Assert.Equal(Tier.T1, deactivate.Tier);
        Assert.Equal(RiskLevel.High, deactivate.Risk.Level);
        Assert.Equal(new ApprovalRequirement(1, TimeSpan.FromHours(4), TimeoutOutcome.Escalate, 1, true, "HIGH"), deactivate.Approval);
    }

    [Fact]
    public void Classified_prefixes_raise_the_risk_of_changes_that_touch_them()
    {
        var policy = Plans.Autonomous() with
        {
            Risk = RiskPolicy.Default with { Prefixes = [new PrefixClassification("198.51.100.0/24", "confidential", "regulated")] },
        };
        var touching = Decide(Plans.LocalPref(blast: 0.05), Plans.Context(policy));
        Assert.Equal(RiskLevel.Medium, touching.Risk.Level); // 0 + 1 + confidential 3 + regulated 3 = 7
        Assert.Equal("touches 198.51.100.0/24", touching.Risk.Factors.Single(f => f.Factor == "dataSensitivity").Why);

        var elsewhere = Decide(Plans.LocalPref(blast: 0.05) with { Twin = Plans.Passed(0.05) with { ChangedPrefixes = ["8.8.8.0/24"] } }, Plans.Context(policy));
        Assert.Equal(RiskLevel.Low, elsewhere.Risk.Level);

        var unknown = Decide(Plans.LocalPref(blast: 0.05) with { Twin = Plans.Passed(0.05) with { ChangedPrefixes = null } }, Plans.Context(policy));
        Assert.Equal("confidential", unknown.Risk.Factors.Single(f => f.Factor == "dataSensitivity").Level);
    }

    [Fact]
    public void The_kill_switch_halts_and_a_full_rate_limit_defers_automatic_changes()
    {
        var engaged = AutonomyState.Initial.EngageKillSwitch("noc-lead", Plans.Noon, "fibre work").State;
        var halted = Decide(Plans.LocalPref(), Plans.Context(Plans.Autonomous(), engaged));
        Assert.Equal(DecisionVerdict.Halted, halted.Verdict);
        Assert.Contains("kill switch engaged by noc-lead: autonomous steps halted", halted.Reasons);

        var full = new RateLimitState { Entries = [.. Enumerable.Range(0, 6).Select(i => new RateLimitEntry(Plans.Noon.AddSeconds(-50 + i), Tier.T1, $"a{i}"))] };
        var deferred = Decide(Plans.LocalPref(), Plans.Context(Plans.Autonomous(), rate: full));
        Assert.Equal(DecisionVerdict.Deferred, deferred.Verdict);
        Assert.Equal(Plans.Noon.AddSeconds(10), deferred.RetryAt);
    }

    [Fact]
    public void The_twin_decides_on_the_seed_network()
    {
        var options = new WhatIfOptions { Traffic = [new TrafficVolume(IpPrefix.Parse("8.8.8.0/24"), 500_000_000), new TrafficVolume(IpPrefix.Parse("151.101.0.0/16"), 1_000_000_000)] };
        ProposedAction Proposal(string router, string action, ActionParameters parameters, double confidence, WhatIfOptions? with = null) => new()
        {
            ActionId = "act-seed",
            Router = router,
            Action = action,
            Parameters = parameters,
            Confidence = confidence,
            Twin = TwinVerdict.From(WhatIfEngine.Run(s_seed.Value, new WhatIfRequest([new CatalogueChange(router, action, parameters)]), with)),
            Requester = "resolver/act-seed",
            DeviceClass = "edge",
        };

        // Shifting the egress to R2/ISP-B moves a large share of the prefixes: not T1.
        var shift = Proposal("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 }, 0.9);
        Assert.True(shift.Twin!.Passed);
        Assert.InRange(shift.Twin.PrefixShare, 0.3, 0.7);
        Assert.NotEqual(Tier.T1, Decide(shift).Tier);

        // Filtering 8.8.8.0/24 from ISP-A overloads ISP-B (12 Gb/s on 10): predicted loss fails the twin, so it is blocked.
        var filter = Proposal("R1", "PREFIX_FILTER", new ActionParameters { Peer = "ISP-A", Prefixes = ["8.8.8.0/24"] }, 0.95, options);
        Assert.False(filter.Twin!.Passed);
        var blocked = Decide(filter);
        Assert.Equal(DecisionVerdict.Blocked, blocked.Verdict);
        Assert.Contains("predicted loss on ISP-B", Assert.Single(blocked.Violations).Message, StringComparison.Ordinal);

        // The same filter without that traffic moves one prefix.
        var small = Decide(Proposal("R1", "PREFIX_FILTER", new ActionParameters { Peer = "ISP-A", Prefixes = ["8.8.8.0/24"] }, 0.95));
        Assert.Equal((DecisionVerdict.AutoExecute, Tier.T1, RiskLevel.Low), (small.Verdict, small.Tier, small.Risk.Level));
        Assert.Equal("blast radius 0.091 ≤ 0.25 and confidence 0.95 ≥ 0.8: T1", small.Reasons[0]);

        // LOCAL_PREF above the guardrail: the twin reports a policy conflict and governance its own hard limit.
        var over = Decide(Proposal("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 400 }, 0.95));
        Assert.Equal([ViolationKind.TwinFailed, ViolationKind.LocalPrefOutOfRange], over.Violations.Select(v => v.Kind).Order().ToArray());
    }

    [Fact]
    public void The_gate_lets_a_granted_change_through_once_and_holds_the_rest()
    {
        var context = Plans.Context();
        var decision = Decide(Plans.LocalPref(), context);
        var request = ApprovalRequest.Open(decision, "agent:resolver", "p", Plans.Noon);
        Assert.Equal(GateOutcome.Wait, ExecutionGate.Evaluate(decision, request, context).Outcome);
        Assert.Equal(GateOutcome.Refuse, ExecutionGate.Evaluate(decision, null, context).Outcome);

        var approved = request.Approve("bob", Plans.Noon.AddMinutes(1)).Request;
        var pass = ExecutionGate.Evaluate(decision, approved, context);
        Assert.Equal(GateOutcome.Proceed, pass.Outcome);
        Assert.Equal("act-1", Assert.Single(pass.RateLimits.Entries).ActionId);

        // A workflow resumed after a crash passes again without taking a second slot.
        var resumed = ExecutionGate.Evaluate(decision, approved, context with { RateLimits = pass.RateLimits });
        Assert.Equal((GateOutcome.Proceed, "already let through (resumed)"), (resumed.Outcome, resumed.Reason));
        Assert.Single(resumed.RateLimits.Entries);

        // The kill switch holds even approved changes; only an emergency override passes.
        var engaged = context with { Autonomy = AutonomyState.Initial.EngageKillSwitch("noc", Plans.Noon, null).State };
        Assert.Equal(GateOutcome.Wait, ExecutionGate.Evaluate(decision, approved, engaged).Outcome);
        var overridden = request.Override("carol", Plans.Noon, Properties.Histories.Justification, GovernancePolicy.Default.Approval.EmergencyOverride).Request;
        Assert.Equal(GateOutcome.Proceed, ExecutionGate.Evaluate(decision, overridden, engaged).Outcome);

        Assert.Equal(GateOutcome.Refuse, ExecutionGate.Evaluate(decision, request.Reject("bob", Plans.Noon).Request, context).Outcome);
    }

    [Fact]
    public void An_automatic_change_is_refused_at_the_gate_when_its_scope_was_demoted_since_the_decision()
    {
        var context = Plans.Context(Plans.Autonomous());
        var decision = Decide(Plans.LocalPref(), context);
        Assert.Equal(DecisionVerdict.AutoExecute, decision.Verdict);
        var demoted = context with { Autonomy = context.Autonomy with { Demotions = [new AutonomyDemotion(decision.Scope, Plans.Noon, 0.5, 0, 20, "accuracy 0.5 < 0.9")] } };
        var gate = ExecutionGate.Evaluate(decision, null, demoted);
        Assert.Equal(GateOutcome.Refuse, gate.Outcome);
        Assert.Equal("default/edge/path-preference no longer runs T1 changes on its own (Approve); decide again", gate.Reason);
    }
}

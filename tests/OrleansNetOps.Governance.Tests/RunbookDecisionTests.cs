using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests;

/// <summary>A RUNBOOK (an IT system's remedy): no twin to prove it, its tier declared by its fault mapping, violations still escalating.</summary>
public sealed class RunbookDecisionTests
{
    private static ProposedAction Runbook(Tier? declared) => new()
    {
        ActionId = "act-rb",
        Router = "rollback-deployment",
        Action = ProposedAction.Runbook,
        Confidence = 0.9,
        Requester = "agent/incident/inc-1",
        DeviceClass = "unknown",
        DeclaredTier = declared,
    };

    [Fact]
    public void A_mapped_runbook_takes_its_declared_tier_without_a_twin_and_its_unknown_reach_counts_as_high_risk()
    {
        var decision = GovernanceDecider.Decide(Runbook(Tier.T2), Plans.Context(Plans.Autonomous()));

        Assert.Empty(decision.Violations);
        Assert.Equal((Tier.T2, Tier.T2), (decision.BaseTier, decision.Tier));
        Assert.Equal(1, decision.Blast);
        Assert.Equal(RiskLevel.High, decision.Risk.Level); // partially_reversible 2 + network 4 + internal 1 + audit_logged 1
        Assert.Equal(DecisionVerdict.AwaitApproval, decision.Verdict);
        Assert.Equal(1, decision.Approval.RequiredApprovals);
        Assert.Contains("a runbook changes no routing, so the twin cannot measure it: its fault mapping declares T2", decision.Reasons);
    }

    [Fact]
    public void A_runbook_without_a_mapping_is_T3_and_alwaysT3_overrides_a_declared_tier()
    {
        Assert.Equal(Tier.T3, GovernanceDecider.Decide(Runbook(null), Plans.Context()).Tier);

        var policy = GovernancePolicy.Default with { Tiers = GovernancePolicy.Default.Tiers with { AlwaysT3 = [.. GovernancePolicy.Default.Tiers.AlwaysT3, ProposedAction.Runbook] } };
        var decision = GovernanceDecider.Decide(Runbook(Tier.T1), Plans.Context(policy));
        Assert.Equal(Tier.T3, decision.BaseTier);
        Assert.Contains("RUNBOOK is always T3", decision.Reasons);
    }

    [Fact]
    public void Only_a_runbook_may_go_without_a_what_if()
    {
        var decision = GovernanceDecider.Decide(Runbook(Tier.T1) with { Action = "LOCAL_PREF_ADJUST", Router = "R1" }, Plans.Context());

        Assert.Equal(DecisionVerdict.Blocked, decision.Verdict);
        Assert.Contains(decision.Violations, v => v.Kind == ViolationKind.TwinMissing);
    }
}

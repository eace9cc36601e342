using CsCheck;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests.Properties;

public sealed class DecisionProperties
{
    private const long Iterations = 10_000;

    [Fact]
    public void No_plan_the_twin_fails_or_that_crosses_a_hard_limit_is_ever_executable()
    {
        var blockedSeen = 0;
        Gen.Select(Generators.Case, Generators.History).Sample((@case, history) =>
        {
            var (proposal, context) = @case;
            var decision = GovernanceDecider.Decide(proposal, context);
            if (!Generators.CrossesHardLimit(proposal, context.Policy))
            {
                return;
            }

            Interlocked.Increment(ref blockedSeen);
            Assert.Equal(DecisionVerdict.Blocked, decision.Verdict);
            Assert.Equal(0, decision.Approval.RequiredApprovals);
            Assert.Throws<ArgumentException>(() => ApprovalRequest.Open(decision, proposal.Requester, "p", context.Now));
            Assert.Equal(GateOutcome.Refuse, ExecutionGate.Evaluate(decision, null, context).Outcome);

            // Even a request granted for another plan under the same action id, through any history, opens nothing.
            var passive = context.Policy with { Autonomy = context.Policy.Autonomy with { DefaultPhase = AutonomyPhase.Passive } };
            var clean = GovernanceDecider.Decide(Plans.LocalPref(), Plans.Context(passive, AutonomyState.Initial));
            var request = ApprovalRequest.Open(clean, "agent:resolver", "p0", context.Now);
            Assert.Equal(GateOutcome.Refuse, ExecutionGate.Evaluate(decision, request, context).Outcome);
            foreach (var (_, transition) in Histories.Play(request, history, [clean, decision], context.Policy))
            {
                Assert.Equal(GateOutcome.Refuse, ExecutionGate.Evaluate(decision, transition.Request, context).Outcome);
                if (transition.Event == ApprovalEvent.Blocked)
                {
                    Assert.Equal(ApprovalStatus.Blocked, transition.Request.Status);
                    Assert.NotEqual(GateOutcome.Proceed, ExecutionGate.Evaluate(clean, transition.Request, context).Outcome);
                }
            }
        }, iter: Iterations);
        Assert.True(blockedSeen > Iterations / 5, $"only {blockedSeen} generated plans crossed a hard limit");
    }

    [Fact]
    public void A_plan_is_blocked_only_by_a_hard_limit_or_a_violation_configured_to_block()
    {
        Generators.Case.Sample(@case =>
        {
            var (proposal, context) = @case;
            var decision = GovernanceDecider.Decide(proposal, context);
            var blocking = decision.Violations.Where(v => v.Effect == ViolationEffect.Block).ToList();
            Assert.Equal(blocking.Count > 0, decision.Verdict == DecisionVerdict.Blocked);
            Assert.All(blocking, v => Assert.True(ViolationKinds.IsHardLimit(v.Kind) || context.Policy.Tiers.EffectOf(v.Kind) == ViolationEffect.Block));
            Assert.All(decision.Violations.Where(v => ViolationKinds.IsHardLimit(v.Kind)), v => Assert.Equal(ViolationEffect.Block, v.Effect));
        }, iter: Iterations);
    }

    [Fact]
    public void Tiers_only_escalate_one_step_per_escalating_violation_and_some_actions_are_always_T3()
    {
        Generators.Case.Sample(@case =>
        {
            var (proposal, context) = @case;
            var decision = GovernanceDecider.Decide(proposal, context);
            Assert.True(decision.Tier >= decision.BaseTier);
            var escalating = decision.Violations.Where(v => v.Effect == ViolationEffect.Escalate).Select(v => v.Kind).Distinct().Count();
            Assert.Equal((Tier)Math.Min(3, (int)decision.BaseTier + escalating), decision.Tier);
            if (proposal.Action is "FULL_REROUTE" or "DEPEER")
            {
                Assert.Equal(Tier.T3, decision.Tier);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_worse_plan_never_gets_a_lower_tier_or_fewer_approvals()
    {
        Gen.Select(Generators.Case, Gen.Double[0, 1], Gen.Double[0, 0.5], Gen.Bool).Sample((@case, confidenceFactor, moreBlast, moreFindings) =>
        {
            var (proposal, context) = @case;
            var worse = proposal with
            {
                Confidence = proposal.Confidence * confidenceFactor,
                Twin = proposal.Twin is not { } twin ? null : twin with
                {
                    PrefixShare = twin.PrefixShare is >= 0 and <= 1 ? Math.Min(1, twin.PrefixShare + moreBlast) : twin.PrefixShare,
                    Asymmetric = moreFindings ? twin.Asymmetric.Add("10.0.0.0/8 leaves by ISP-B, returns by ISP-A") : twin.Asymmetric,
                    Warnings = moreFindings ? twin.Warnings.Add("traffic left without a way out") : twin.Warnings,
                },
            };
            var before = GovernanceDecider.Decide(proposal, context);
            var after = GovernanceDecider.Decide(worse, context);
            Assert.True(after.BaseTier >= before.BaseTier, $"{before.BaseTier} → {after.BaseTier}");
            Assert.True(after.Tier >= before.Tier, $"{before.Tier} → {after.Tier}");
            if (before.Verdict != DecisionVerdict.Blocked && after.Verdict != DecisionVerdict.Blocked)
            {
                Assert.True(after.Approval.RequiredApprovals >= before.Approval.RequiredApprovals);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Only_a_plan_every_rule_lets_run_alone_executes_automatically()
    {
        Generators.Case.Sample(@case =>
        {
            var (proposal, context) = @case;
            var decision = GovernanceDecider.Decide(proposal, context);
            if (decision.Verdict != DecisionVerdict.AutoExecute)
            {
                return;
            }

            Assert.Empty(decision.Violations.Where(v => v.Effect == ViolationEffect.Block));
            Assert.Equal(TierMode.Auto, decision.Mode);
            Assert.NotEqual(AutonomyPhase.Passive, decision.Phase.Phase);
            Assert.False(context.Autonomy.KillSwitch);
            Assert.Equal(0, context.Policy.Approval.For(decision.Risk.Level).Approvers);
            Assert.True(decision.RateLimit.Allowed);
            Assert.Equal(GateOutcome.Proceed, ExecutionGate.Evaluate(decision, null, context).Outcome);
        }, iter: Iterations);
    }
}

using CsCheck;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Risk;

namespace OrleansNetOps.Governance.Tests.Properties;

public sealed class ApprovalProperties
{
    private const long Iterations = 5_000;

    private static readonly StringComparer People = StringComparer.OrdinalIgnoreCase;

    private static GovernancePolicy WithCriticalApprovers(int n) =>
        GovernancePolicy.Default with { Approval = GovernancePolicy.Default.Approval with { Critical = GovernancePolicy.Default.Approval.Critical with { Approvers = n } } };

    // The decisions a history's modifications switch between: a T1 that needs nobody, a T2 that needs one, a CRITICAL
    // that needs N, and a blocked plan.
    private static List<GovernanceDecision> Revisions(GovernancePolicy policy)
    {
        var autonomous = Plans.Context(Plans.Autonomous(policy));
        return
        [
            GovernanceDecider.Decide(Plans.LocalPref(blast: 0.05) with { ActionId = "act-9" }, autonomous),
            GovernanceDecider.Decide(Plans.LocalPref(blast: 0.5) with { ActionId = "act-9" }, autonomous),
            GovernanceDecider.Decide(Plans.CriticalDepeer(), autonomous),
            GovernanceDecider.Decide(Plans.LocalPref(localPref: 900) with { ActionId = "act-9" }, autonomous),
        ];
    }

    [Fact]
    public void Nobody_approves_their_own_request_even_after_modifying_it()
    {
        Gen.Select(Gen.OneOf(Generators.People), Gen.Int[2, 4], Generators.History).Sample((requester, n, history) =>
        {
            var policy = WithCriticalApprovers(n);
            var decision = GovernanceDecider.Decide(Plans.CriticalDepeer(requester), Plans.Context(policy));
            var request = ApprovalRequest.Open(decision, requester, "params-0", Plans.Noon);
            foreach (var (before, transition) in Histories.Play(request, history, Revisions(policy), policy))
            {
                var after = transition.Request;
                Assert.Contains(requester, after.Authors, People);
                Assert.Empty(after.Approvers.Intersect(after.Authors, People));
                if (before.Authors.Contains(transition.Actor, People)
                    && transition.Event is ApprovalEvent.Voted or ApprovalEvent.Approved or ApprovalEvent.Overridden)
                {
                    Assert.Fail($"{transition.Actor}, an author, got {transition.Event}");
                }

                if (after.Status == ApprovalStatus.Approved)
                {
                    Assert.True(after.Approvers.Length >= after.Requirement.RequiredApprovals);
                }

                if (after.Status == ApprovalStatus.Overridden)
                {
                    Assert.True(after.EnhancedLogging);
                    Assert.DoesNotContain(after.Votes.Last().By, before.Authors, People);
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_critical_change_needs_N_distinct_approvers()
    {
        var answers = Gen.Select(Gen.OneOf(Generators.People), Gen.Int[0, 600]).Array[0, 14];
        Gen.Select(Gen.Int[2, 5], Gen.OneOf(Generators.People), answers).Sample((n, requester, votes) =>
        {
            var policy = WithCriticalApprovers(n);
            var decision = GovernanceDecider.Decide(Plans.CriticalDepeer(requester), Plans.Context(Plans.Autonomous(policy)));
            Assert.Equal(RiskLevel.Critical, decision.Risk.Level);
            Assert.Equal(n, decision.Approval.RequiredApprovals);
            var request = ApprovalRequest.Open(decision, requester, "p", Plans.Noon);
            var now = Plans.Noon;
            var distinct = new HashSet<string>(People);
            foreach (var (person, seconds) in votes)
            {
                now = now.AddSeconds(seconds);
                var transition = request.Approve(person, now);
                if (request.IsPending && !People.Equals(person, requester))
                {
                    distinct.Add(person);
                }

                request = transition.Request;
                Assert.Equal(distinct.Count >= n, request.Status == ApprovalStatus.Approved);
                Assert.Equal(request.IsGranted, request.Status == ApprovalStatus.Approved);
                var gate = ExecutionGate.Evaluate(decision, request, Plans.Context(Plans.Autonomous(policy), now: now));
                Assert.Equal(distinct.Count >= n ? GateOutcome.Proceed : GateOutcome.Wait, gate.Outcome);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_modification_voids_the_approvals_and_never_lowers_tier_risk_or_requirement()
    {
        var modifications = Gen.Select(Gen.OneOf(Generators.People), Gen.Int[0, 3]).Array[1, 6];
        Gen.Select(Gen.Int[0, 2], modifications, Gen.OneOf(Generators.People)).Sample((start, changes, approver) =>
        {
            var policy = GovernancePolicy.Default;
            var revisions = Revisions(policy);
            var opening = start switch
            {
                0 => GovernanceDecider.Decide(Plans.LocalPref(blast: 0.5) with { ActionId = "act-9" }, Plans.Context(Plans.Autonomous())),
                1 => GovernanceDecider.Decide(Plans.LocalPref() with { ActionId = "act-9" }, Plans.Context()),
                _ => revisions[2],
            };
            var request = ApprovalRequest.Open(opening, "agent:resolver", "params-0", Plans.Noon);
            var version = 0;
            foreach (var (person, which) in changes)
            {
                request = request.Approve(approver, Plans.Noon).Request;
                if (!request.IsPending)
                {
                    return;
                }

                var transition = request.Modify(person, Plans.Noon.AddMinutes(++version), revisions[which], $"params-{version}");
                var after = transition.Request;
                if (revisions[which].Verdict == DecisionVerdict.Blocked)
                {
                    Assert.Equal(ApprovalStatus.Blocked, after.Status);
                    return;
                }

                Assert.Equal(ApprovalEvent.Modified, transition.Event);
                Assert.Empty(after.Approvers);
                Assert.True(after.Tier >= request.Tier && after.Tier >= revisions[which].Tier);
                Assert.True(after.Risk >= request.Risk && after.Risk >= revisions[which].Risk.Level);
                Assert.True(after.Requirement.RequiredApprovals >= Math.Max(request.Requirement.RequiredApprovals, revisions[which].Approval.RequiredApprovals));
                Assert.Contains(person, after.Authors, People);
                request = after;
            }
        }, iter: Iterations);
    }
}
